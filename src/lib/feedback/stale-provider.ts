import type { DemandEvent } from '../collect/event.ts';
import type { StaleArticle } from '../stale/article.ts';
import { isoDay } from '../dates.ts';
import type { StaleProvider, StaleReason } from '../stale/reason.ts';
import { staleReason } from '../stale/reason-text.ts';

export interface HelpfulRuleOptions {
  /** Fewest votes since the last review before a rate means anything (default 10). */
  minVotes?: number;
  /** A helpful rate below this is poor (default 0.5). */
  threshold?: number;
}

export const DEFAULT_MIN_VOTES = 10;
export const DEFAULT_HELPFUL_THRESHOLD = 0.5;

/**
 * `unhelpful` for `kb stale --events FILE`: readers answered "Did this solve your problem?" with
 * No too often since the article's last review. Votes before the review do not count: a review
 * is the answer to them.
 */
export function helpfulStaleProvider(events: readonly DemandEvent[], options: HelpfulRuleOptions = {}): StaleProvider<StaleArticle> {
  const minVotes = options.minVotes ?? DEFAULT_MIN_VOTES;
  const threshold = options.threshold ?? DEFAULT_HELPFUL_THRESHOLD;
  const votes = new Map<string, { at: number; helpful: boolean }[]>();
  for (const e of events) {
    if (e.type !== 'helpful') continue;
    const list = votes.get(e.article);
    const vote = { at: Date.parse(e.at), helpful: e.helpful };
    if (list) list.push(vote);
    else votes.set(e.article, [vote]);
  }
  return ({ articles, today }) => {
    const reasons = new Map<string, StaleReason[]>();
    const end = today.getTime() + 86_400_000;
    for (const article of articles) {
      const reviewed = article.data.reviewed?.getTime() ?? -Infinity;
      const counted = (votes.get(article.id) ?? []).filter((v) => v.at >= reviewed && v.at < end);
      if (counted.length < minVotes) continue;
      const yes = counted.filter((v) => v.helpful).length;
      const rate = yes / counted.length;
      if (rate >= threshold) continue;
      reasons.set(article.id, [
        staleReason('unhelpful', 'warning', {
          yes,
          no: counted.length - yes,
          votes: counted.length,
          helpfulRate: Math.round(rate * 1000) / 1000,
          threshold,
          ...(article.data.reviewed && { reviewed: isoDay(article.data.reviewed) }),
        }),
      ]);
    }
    return reasons;
  };
}
