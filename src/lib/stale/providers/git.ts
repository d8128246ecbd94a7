import type { StaleArticle } from '../article.ts';
import { daysBetween, isoDay } from '../../dates.ts';
import { gitPath, type GitHistory } from '../git-history.ts';
import type { StaleProvider, StaleReason } from '../reason.ts';
import { staleReason } from '../reason-text.ts';

/** Default for `--git-max-age`. */
export const GIT_MAX_AGE_DAYS = 365;

/** The last change of an article's file: now when it has uncommitted changes, undefined when unknown. */
export function lastGitChange(history: GitHistory, article: StaleArticle, today: Date): Date | undefined {
  const path = gitPath(history, article.file);
  if (!path) return undefined;
  if (history.modified.has(path)) return today;
  return history.lastChange.get(path);
}

/**
 * `git-unchanged`: the file has not changed in git for more than `maxAgeDays`. Files never
 * committed are new, and files hidden behind a shallow-clone boundary are unknown: neither is reported.
 * Run-level problems (no repository, shallow clone) go to `warn`.
 */
export function gitProvider(history: GitHistory, maxAgeDays = GIT_MAX_AGE_DAYS): StaleProvider<StaleArticle> {
  return ({ articles, today, warn }) => {
    for (const warning of history.warnings) warn?.(warning);
    const result = new Map<string, StaleReason[]>();
    if (history.status === 'unavailable') return result;
    for (const article of articles) {
      const last = lastGitChange(history, article, today);
      if (!last) continue;
      const age = daysBetween(last, today);
      if (age <= maxAgeDays) continue;
      result.set(article.id, [staleReason('git-unchanged', 'warning', { lastCommit: isoDay(last), days: age, maxAgeDays })]);
    }
    return result;
  };
}
