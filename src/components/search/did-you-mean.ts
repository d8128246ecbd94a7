import type { Lang } from '../../lib/levels.ts';

/**
 * "Did you mean …?" for searches that found nothing. The search UI calls `suggestFor` and shows
 * what it returns as links; the German search work (issue 10, search-de) supplies the data and the
 * choice. Until then there is nothing to suggest.
 */
export interface SuggestContext {
  /** Language of the page ('de' | 'en'). */
  lang: Lang;
  /** Runs the same search (same filters) for another query and says how many results it has. */
  countResults(query: string): Promise<number>;
}

/** Up to 3 queries to offer when `query` found nothing; [] for none. Must not throw. */
export async function suggestFor(_query: string, _context: SuggestContext): Promise<string[]> {
  return [];
}
