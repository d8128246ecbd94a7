/**
 * German typed without umlaut keys: a phone with an English keyboard, a foreign laptop or a
 * habit makes "zurücksetzen" into "zuruecksetzen" and "Straße" into "Strasse" (the spelling
 * German itself uses when ä, ö, ü and ß are missing). Pagefind matches words as typed, so the
 * build indexes this spelling of every German word that has an umlaut or ß as a hidden search
 * word (terms.ts), and a customer who types it finds the article.
 * No `node:` imports: the search UI may bundle this module.
 */

const REPLACEMENTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };
const UMLAUT = /[äöüßÄÖÜ]/g;

/** The word as typed without umlaut keys ("zurücksetzen" → "zuruecksetzen"), or undefined when it has no umlaut or ß. */
export function withoutUmlauts(word: string): string | undefined {
  if (!/[äöüßÄÖÜ]/.test(word)) return undefined;
  return word.replace(UMLAUT, (letter) => REPLACEMENTS[letter] ?? letter);
}
