import type { StaleArticle } from '../article.ts';
import { addDays, daysBetween, isoDay } from '../../dates.ts';
import type { StaleProvider, StaleReason } from '../reason.ts';
import { staleReason } from '../reason-text.ts';

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
    return staleReason('never-reviewed', 'warning', {});
  }
  const every = article.data.review_every ?? defaultEvery;
  const due = addDays(reviewed, every);
  const left = daysBetween(today, due);
  const details = { reviewed: isoDay(reviewed), reviewEvery: every, due: isoDay(due) };
  if (left < 0) return staleReason('review-overdue', 'error', { ...details, overdueDays: -left });
  if (left <= DUE_WINDOW_DAYS) return staleReason('review-due', 'info', { ...details, dueInDays: left });
  return undefined;
}
