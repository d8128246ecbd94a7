import { words } from './decompound.ts';
import { prose, searchTerms, type SearchTermContext } from './terms.ts';

/** Words of fewer letters are not worth a suggestion ("pc" is found as typed or not at all). */
const MIN_LENGTH = 3;
/** The list stays small enough to fetch on a failed search: the most common words first. */
const MAX_TERMS = 20_000;

/**
 * The searchable words of one language of one site, most common first: every word of the
 * titles, summaries and bodies of its searchable articles plus their hidden search words
 * (compound parts, word forms, synonyms), so a suggestion is always a word the index knows.
 * The site's articles are what its build sees: on the public site, public text only.
 * Served as `<lang>/search-terms.json` for "Did you mean" (did-you-mean.ts).
 */
export function searchTermList(
  articles: readonly { body?: string | undefined; data: { title: string; summary: string; error_codes: string[]; lang: string } }[],
  context: SearchTermContext,
): string[] {
  const documents = new Map<string, number>();
  for (const article of articles) {
    const hidden = searchTerms(article, context);
    const all = new Set([...words(`${article.data.title} ${article.data.summary} ${prose(article.body ?? '')}`), ...words(`${hidden.title} ${hidden.body}`)]);
    for (const word of all) if (word.length >= MIN_LENGTH) documents.set(word, (documents.get(word) ?? 0) + 1);
  }
  return [...documents]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_TERMS)
    .map(([word]) => word);
}
