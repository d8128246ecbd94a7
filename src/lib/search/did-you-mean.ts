import { createSuggester } from '../suggest.ts';
import { queryWords } from './unmatched-words.ts';

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

const termLists = new Map<string, Promise<string[]>>();

/**
 * The site's term list for a language (`<base><lang>/search-terms.json`, most common word first),
 * fetched once per page. `base` is the site's base path (`/` or `/docs/`). Rejects when the list
 * cannot be fetched; the next call tries again.
 */
export function loadTermList(base: string, lang: string): Promise<string[]> {
  const url = `${base.replace(/\/?$/, '/')}${lang}/search-terms.json`;
  let list = termLists.get(url);
  if (!list) {
    list = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        return response.json() as Promise<{ terms: unknown }>;
      })
      .then((data) => (Array.isArray(data.terms) ? data.terms.filter((t): t is string => typeof t === 'string') : []));
    list.catch(() => termLists.delete(url));
    termLists.set(url, list);
  }
  return list;
}

const suggesters = new WeakMap<string[], (query: string) => string | undefined>();

/** The suggester over the site's term list for a language (see `loadTermList`). */
export async function loadDidYouMean(base: string, lang: string): Promise<(query: string) => string | undefined> {
  const terms = await loadTermList(base, lang);
  let suggester = suggesters.get(terms);
  if (!suggester) suggesters.set(terms, (suggester = createDidYouMean(terms)));
  return suggester;
}
