import type { StaleArticle } from '../article.ts';
import { addDays, daysBetween, isoDay } from '../../dates.ts';
import type { StaleProvider, StaleReason } from '../reason.ts';

/** Days before the due date from which `review-due` is reported. */
export const DUE_WINDOW_DAYS = 30;

export interface ReviewOptions {
  /** Default days between reviews (`reviewEvery` of the project config). */
  reviewEvery: number;
}

/** `review-overdue`, `review-due` and `never-reviewed`, from `reviewed` and `review_every`. */
export function reviewProvider(options: ReviewOptions): StaleProvider<StaleArticle> {
  return ({ articles, today }) => {
    const result = new Map<string, StaleReason[]>();
    for (const article of articles) {
      const reason = reviewReason(article, today, options.reviewEvery);
      if (reason) result.set(article.id, [reason]);
    }
    return result;
  };
}

function reviewReason(article: StaleArticle, today: Date, defaultEvery: number): StaleReason | undefined {
  const { reviewed } = article.data;
  if (!reviewed) {
    return { code: 'never-reviewed', message: 'Never reviewed: the frontmatter has no `reviewed` date.', severity: 'warning' };
  }
  const every = article.data.review_every ?? defaultEvery;
  const due = addDays(reviewed, every);
  const left = daysBetween(today, due);
  const details = { reviewed: isoDay(reviewed), reviewEvery: every, due: isoDay(due) };
  const basis = `reviewed ${isoDay(reviewed)}, review every ${every} days`;
  if (left < 0) {
    const days = -left;
    return {
      code: 'review-overdue',
      message: `Review overdue by ${days} ${days === 1 ? 'day' : 'days'} (due ${isoDay(due)}; ${basis}).`,
      severity: 'error',
      details: { ...details, overdueDays: days },
    };
  }
  if (left <= DUE_WINDOW_DAYS) {
    const when = left === 0 ? 'today' : `in ${left} ${left === 1 ? 'day' : 'days'}`;
    return {
      code: 'review-due',
      message: `Review due ${when} (${isoDay(due)}; ${basis}).`,
      severity: 'info',
      details: { ...details, dueInDays: left },
    };
  }
  return undefined;
}
