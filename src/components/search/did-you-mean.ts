import type { Lang } from '../../lib/levels.ts';
import { loadDidYouMean } from '../../lib/search/did-you-mean.ts';

/**
 * "Did you mean …?" for searches that found nothing. The search UI calls `suggestFor` and shows
 * what it returns as links. The German search work (issue 10, search-de) supplies the data and
 * the choice (`loadDidYouMean` in src/lib/search/did-you-mean.ts: the site's own words, nearest
 * by edit distance). A suggestion is offered only when it finds something with the same filters.
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
export async function suggestFor(query: string, context: SuggestContext): Promise<string[]> {
  const suggest = await loadDidYouMean(context.base, context.lang);
  const offer = suggest(query);
  return offer && (await context.countResults(offer)) > 0 ? [offer] : [];
}
