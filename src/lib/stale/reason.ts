/**
 * A reason why an article needs review. `kb stale` collects reasons from several providers
 * (review dates, git history, taxonomy, links, tickets) and reports them per article.
 */
export interface StaleReason {
  /** Stable machine code, e.g. `review-overdue`, `broken-link`, `ticket-escalations`. */
  code: string;
  /** One sentence a person can act on. */
  message: string;
  /** `error` reasons are the ones a team usually gates on with `--fail-on`. */
  severity: 'error' | 'warning' | 'info';
  /** Optional structured details for JSON consumers (dates, counts, ids). */
  details?: Record<string, unknown>;
}

/** Input every provider gets: the articles and the day the report is for. */
export interface StaleContext<Article> {
  articles: readonly Article[];
  today: Date;
  /**
   * Report a problem that affects the whole run rather than one article (not a git repository,
   * a shallow clone, an unreadable ticket file). Optional so older providers and callers keep working.
   */
  warn?: (warning: StaleWarning) => void;
}

/** A run-level problem: the report is still produced, but a rule could not see everything. */
export interface StaleWarning {
  /** Stable code, e.g. `git-shallow`, `git-unavailable`. */
  code: string;
  message: string;
  /** Structured details the health page renders in its own language (src/lib/stale/reason-text.ts). */
  details?: Record<string, unknown>;
}

/** A source of stale reasons. Ticket-based reasons (from `kb gaps`) plug in as one more provider. */
export type StaleProvider<Article> = (context: StaleContext<Article>) => Promise<Map<string, StaleReason[]>> | Map<string, StaleReason[]>;
