/**
 * German typed without umlaut keys: a phone with an English keyboard, a foreign laptop or a
 * habit makes "zurücksetzen" into "zuruecksetzen" and "Straße" into "Strasse" (the spelling
 * German itself uses when ä, ö, ü and ß are missing). Pagefind matches words as typed, so the
 * search UI respells a typed word that no article has into the umlaut spelling that the site's
 * term list knows, before it would drop the word as unknown (unmatched-words.ts).
 *
 * Done at query time, not by indexing a second spelling of every German word: the extra words
 * lengthened umlaut-rich pages and pushed the answer to "passwort ändern windows" out of the top
 * three in test/data/search-de.
 * No `node:` imports: this module is bundled into the search UI.
 */

const PAIR = /(ae|oe|ue|ss)/;
const LETTER: Record<string, string> = { ae: 'ä', oe: 'ö', ue: 'ü', ss: 'ß' };
/** A word with more pairs than this is no German word typed without umlauts; 2^6 spellings at most. */
const MAX_PAIRS = 6;

/** The umlaut spellings a lower-case word typed without umlauts may stand for ("haengen" → "hängen"), without the word itself. */
export function umlautSpellings(word: string): string[] {
  const parts = word.split(PAIR);
  const pairs = (parts.length - 1) / 2;
  if (pairs === 0 || pairs > MAX_PAIRS) return [];
  const out: string[] = [];
  for (let mask = 1; mask < 1 << pairs; mask++) {
    out.push(parts.map((part, i) => (i % 2 === 1 && mask & (1 << ((i - 1) / 2)) ? (LETTER[part] ?? part) : part)).join(''));
  }
  return out;
}

/** The spelling of a typed word that `known` (the term list's words) holds, or undefined when none is. */
export function respell(word: string, known: ReadonlySet<string>): string | undefined {
  return umlautSpellings(word).find((spelling) => known.has(spelling));
}
