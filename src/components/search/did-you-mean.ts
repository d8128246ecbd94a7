import type { Lang } from '../../lib/levels.ts';

/**
 * "Did you mean …?" for searches that found nothing. The search UI calls `suggestFor` and shows
 * what it returns as links. The German search work (issue 10, search-de) supplies the data and
 * the choice (`loadDidYouMean` in src/lib/search/did-you-mean.ts); until it lands there is nothing
 * to suggest. Wiring it in is the body of this function:
 *   const suggest = await loadDidYouMean(context.base, context.lang);
 *   const offer = suggest(query);
 *   return offer ? [offer] : [];
 */
export interface SuggestContext {
  /** Language of the page ('de' | 'en'). */
  lang: Lang;
  /** Site base path (`/`, or `/docs/` below a folder), for data files next to the pages. */
  base: string;
  /** Runs the same search (same filters) for another query and says how many results it has. */
  countResults(query: string): Promise<number>;
}

/** Up to 3 queries to offer when `query` found nothing; [] for none. May reject: the UI then offers nothing. */
export async function suggestFor(_query: string, _context: SuggestContext): Promise<string[]> {
  return [];
}
