/**
 * Query words the index does not know, although Pagefind found pages for them.
 *
 * When no indexed word starts with a query word, Pagefind 1.6 searches the longest indexed word
 * that is a prefix of it instead (`find_word_extensions` in pagefind_web/src/search.rs): a
 * nonsense word such as "xyzzyqq" finds every page with the single letter "x", and a misspelt
 * "outlok" finds pages with "out". Such results answer nothing, so the search treats the word as
 * not found: without it, or with the no-results help and "Did you mean" when no word is left.
 * No `node:` imports: this module is bundled into the search UI.
 */

/** Words of a query as Pagefind reads them: letters and digits, lower-cased. */
export function queryWords(query: string): string[] {
  return query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Shorter words are found as typed or not at all ("pc", "ie"); they are never dropped. */
const MIN_CHECKED = 3;
/**
 * Share of a query word that a page's word must begin with to count as a match. Pagefind matches
 * a word by its stem, which keeps most of a word ("drucker" for "druckern", "printer" for
 * "printers"); its fallback keeps only what the word happens to share with some indexed word.
 */
const SHARED_SHARE = 0.6;

/** What a result page offers to match against: its text and its meta fields (hidden search words). */
export interface MatchablePage {
  content: string;
  meta: Record<string, string | undefined>;
}

function sharedPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a[i] === b[i]) i++;
  return i;
}

/** Whether a page word matches a query word as Pagefind's own matching would (a prefix or a stem). */
function matches(pageWord: string, word: string): boolean {
  if (pageWord.startsWith(word)) return true;
  return sharedPrefix(pageWord, word) >= Math.max(MIN_CHECKED, Math.ceil(word.length * SHARED_SHARE));
}

/** The words of `query` that may be dropped as unknown: three letters or more, each once. */
export function checkedWords(query: string): string[] {
  return [...new Set(queryWords(query))].filter((word) => word.length >= MIN_CHECKED);
}

/** The words of `query` (three letters or more) that none of `pages` (the first few results) matches. */
export function wordsNotOnPages(query: string, pages: readonly MatchablePage[]): string[] {
  const words = checkedWords(query);
  if (!words.length) return [];
  const pageWords = new Set<string>();
  for (const page of pages) {
    for (const text of [page.content, ...Object.values(page.meta)]) for (const w of queryWords(text ?? '')) pageWords.add(w);
  }
  return words.filter((word) => ![...pageWords].some((w) => matches(w, word)));
}

/** Of `words`, those the site's term list (`known`, the words of search-terms.json) neither holds nor starts. */
export function notInTermList(words: readonly string[], known: readonly string[]): string[] {
  const set = new Set(known);
  return words.filter((word) => !set.has(word) && !known.some((term) => term.startsWith(word)));
}

/**
 * The words of `query` that none of the top result pages matches and that the term list does not
 * know: those Pagefind matched by a short prefix only. The term list guards words whose stem is
 * short ("running" found as "run"); the pages guard words the term list leaves out (code, rare
 * words). The search UI runs the two steps apart, so it fetches the term list only when needed.
 */
export function unmatchedWords(query: string, pages: readonly MatchablePage[], known: readonly string[]): string[] {
  return notInTermList(wordsNotOnPages(query, pages), known);
}

/**
 * When a search found nothing: the words of `query` that the term list does not know. Pagefind
 * finds only pages that have every word, so one word no article has ("drucker geht nicht": no
 * article says "geht") empties the result of a question typed as a sentence; without it the
 * words that articles do have find them.
 */
export function unknownWords(query: string, known: readonly string[]): string[] {
  return notInTermList(checkedWords(query), known);
}

/**
 * Looser queries for a search whose words are all known but that no page has all of ("drucker
 * ist offline" where the printer article never says "ist"): each drops one more of the most
 * common words (the term list is sorted most common first; words of one or two letters go first,
 * words known only as a prefix last), until one word is left. Tried in order; the first that
 * finds something is searched.
 */
export function looserQueries(query: string, known: readonly string[]): string[] {
  const words = [...new Set(queryWords(query))];
  if (words.length < 2) return [];
  const rank = new Map(known.map((term, i) => [term, i]));
  const commonness = (word: string) => (word.length < MIN_CHECKED ? -1 : (rank.get(word) ?? Number.MAX_SAFE_INTEGER));
  const dropOrder = [...words].sort((a, b) => commonness(a) - commonness(b));
  const out: string[] = [];
  for (let dropped = 1; dropped < words.length; dropped++) {
    const gone = new Set(dropOrder.slice(0, dropped));
    out.push(words.filter((word) => !gone.has(word)).join(' '));
  }
  return out;
}

/**
 * The query with the `respelled` words replaced (umlauts.ts: "zuruecksetzen" → "zurücksetzen")
 * and the `dropped` ones left out, in the order typed; '' when no word is left.
 */
export function rewriteQuery(query: string, dropped: readonly string[], respelled: ReadonlyMap<string, string>): string {
  const gone = new Set(dropped);
  return queryWords(query)
    .filter((word) => !gone.has(word))
    .map((word) => respelled.get(word) ?? word)
    .join(' ');
}
