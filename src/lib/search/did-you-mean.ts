import { createSuggester } from '../suggest.ts';

/**
 * "Did you mean …?" for a search that found nothing, in the browser: the words of the query
 * that the site's index does not know are replaced by the nearest known word (edit distance
 * from src/lib/suggest.ts, the one home of it). The known words are the site's term list for
 * the page language (`<base><lang>/search-terms.json`, written by the build from what this
 * site indexes: src/lib/search/term-list.ts), most common first, so a tie goes to the common word.
 * No `node:` imports: this module is bundled into the search UI.
 */

/** The longest extra ending a known word may carry and still count as known ("drucker" + "n"). */
const MAX_ENDING = 3;

/** Words of a query as Pagefind reads them: letters and digits, lower-cased. */
function queryWords(query: string): string[] {
  return query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A suggester over a term list: returns the corrected query, or undefined when it has none. */
export function createDidYouMean(terms: readonly string[]): (query: string) => string | undefined {
  const known = new Set(terms);
  // codes are found as typed or not at all; Pagefind matches prefixes and stems: a word that
  // starts a known word, or a known word with a short ending, finds something already
  const isKnown = (word: string): boolean => {
    if (known.has(word) || /\d/.test(word)) return true;
    for (let cut = 1; cut <= MAX_ENDING && word.length - cut >= 3; cut++) if (known.has(word.slice(0, -cut))) return true;
    for (const term of terms) if (term.startsWith(word)) return true;
    return false;
  };
  const suggest = createSuggester(terms, 0);
  return (query) => {
    const input = queryWords(query);
    let changed = false;
    const output: string[] = [];
    for (const word of input) {
      if (isKnown(word)) {
        output.push(word);
        continue;
      }
      changed = true;
      // near words only: one or two edits (a word with no near neighbour is left out)
      const near = word.length >= 3 ? suggest(word) : undefined;
      if (near) output.push(near);
    }
    if (!changed || !output.length || output.join(' ') === input.join(' ')) return undefined;
    return output.join(' ');
  };
}

const loaded = new Map<string, Promise<(query: string) => string | undefined>>();

/**
 * Loads the term list of a language once per page and returns the suggester. `base` is the
 * site's base path (`/` or `/docs/`). Rejects when the list cannot be fetched (the UI then
 * offers nothing).
 */
export function loadDidYouMean(base: string, lang: string): Promise<(query: string) => string | undefined> {
  const url = `${base.replace(/\/?$/, '/')}${lang}/search-terms.json`;
  let suggester = loaded.get(url);
  if (!suggester) {
    suggester = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        return response.json() as Promise<{ terms: string[] }>;
      })
      .then((data) => createDidYouMean(Array.isArray(data.terms) ? data.terms.filter((t) => typeof t === 'string') : []));
    suggester.catch(() => loaded.delete(url));
    loaded.set(url, suggester);
  }
  return suggester;
}
