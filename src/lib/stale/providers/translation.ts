import type { StaleArticle } from '../article.ts';
import { daysBetween, isoDay } from '../../dates.ts';
import type { GitHistory } from '../git-history.ts';
import type { StaleProvider, StaleReason } from '../reason.ts';
import { lastGitChange } from './git.ts';
import { staleReason } from '../reason-text.ts';

/** Default for `--translation-lag`: days a translation may trail its source. */
export const TRANSLATION_LAG_DAYS = 30;

/**
 * `translation-outdated`: among articles with the same `translation_key`, the source is the one
 * reviewed last; another language version is outdated when its review (or, with git history, its
 * last commit) trails the source's by more than `maxLagDays`.
 */
export function translationProvider(maxLagDays = TRANSLATION_LAG_DAYS, history?: GitHistory): StaleProvider<StaleArticle> {
  return ({ articles, today }) => {
    const groups = new Map<string, StaleArticle[]>();
    for (const article of articles) {
      const key = article.data.translation_key;
      if (key) groups.set(key, [...(groups.get(key) ?? []), article]);
    }
    const result = new Map<string, StaleReason[]>();
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const source = newestReviewed(group);
      const sourceCommit = history && source ? lastGitChange(history, source, today) : undefined;
      for (const article of group) {
        if (article === source || !source) continue;
        const reason = compare(article, source, maxLagDays, sourceCommit, history && lastGitChange(history, article, today));
        if (reason) result.set(article.id, [reason]);
      }
    }
    return result;
  };
}

function newestReviewed(group: StaleArticle[]): StaleArticle | undefined {
  let best: StaleArticle | undefined;
  for (const article of group) {
    const reviewed = article.data.reviewed;
    if (reviewed && (!best?.data.reviewed || reviewed > best.data.reviewed)) best = article;
  }
  return best;
}

function compare(article: StaleArticle, source: StaleArticle, maxLag: number, sourceCommit?: Date, ownCommit?: Date): StaleReason | undefined {
  const sourceReviewed = source.data.reviewed;
  const reviewed = article.data.reviewed;
  if (sourceReviewed && reviewed) {
    const lag = daysBetween(reviewed, sourceReviewed);
    if (lag > maxLag) {
      return staleReason('translation-outdated', 'warning', {
        basis: 'reviewed',
        source: source.id,
        reviewed: isoDay(reviewed),
        sourceReviewed: isoDay(sourceReviewed),
        lagDays: lag,
        maxLagDays: maxLag,
      });
    }
  }
  if (sourceCommit && ownCommit) {
    const lag = daysBetween(ownCommit, sourceCommit);
    if (lag > maxLag) {
      return staleReason('translation-outdated', 'warning', {
        basis: 'git',
        source: source.id,
        lastCommit: isoDay(ownCommit),
        sourceLastCommit: isoDay(sourceCommit),
        lagDays: lag,
        maxLagDays: maxLag,
      });
    }
  }
  return undefined;
}
