import { createRequire } from 'node:module';
import type { Lang } from '../levels.ts';

const snowball = createRequire(import.meta.url)('snowball-stemmers') as { newStemmer(name: string): { stem(word: string): string } };
const STEMMERS = { en: snowball.newStemmer('english'), de: snowball.newStemmer('german') };

const STOP = new Set(
  (
    'a an and are as at be been but by can cannot could de do does for from has have hello hi how i if in into is it its me my no not of on or our please regards thank thanks that the their there this to was we were what when where which will with would you your dear kind best ' +
    'aber als am an auch auf aus bei bin bis bitte da dann das dass dem den der des die dies diese doch du ein eine einem einen einer es für gibt grüße habe hallo hat ich ihr im in ist ja kann kein keine mein mit nach nicht noch nur oder sehr sich sie sind so und uns vielen von vor war was wenn wie wir wird zu zum zur danke freundlichen gruß'
  ).split(' '),
);

/**
 * Stems are cached: ticket text repeats the same few thousand words millions of times. Articles
 * have their own cache, so only ticket words become topic labels.
 */
const caches = {
  ticket: { en: new Map<string, string>(), de: new Map<string, string>() },
  article: { en: new Map<string, string>(), de: new Map<string, string>() },
};

/** A readable word for each stem (the shortest seen in tickets), for topic labels. */
export const surface = new Map<string, string>();

/**
 * Lower-cased, stop words removed, stemmed for the language; numbers and 1–2 letter words dropped.
 * `source` says whose words these are: ticket words name topics, article words (imported prose
 * with split identifiers such as "Exchang eRemote…") do not.
 */
export function terms(text: string, lang: Lang = 'en', source: 'ticket' | 'article' = 'ticket'): string[] {
  const out: string[] = [];
  const stemCache = caches[source][lang];
  for (const word of text.toLowerCase().split(/[^a-z0-9äöüß]+/)) {
    if (word.length < 3 || word.length > 30) continue;
    // one lookup per word: stop words and numbers are cached as '' (skipped)
    let stem = stemCache.get(word);
    if (stem === undefined) {
      stem = STOP.has(word) || /^\d+$/.test(word) ? '' : STEMMERS[lang].stem(word);
      if (stemCache.size < 200_000) stemCache.set(word, stem);
      const known = surface.get(stem);
      if (source === 'ticket' && stem && (known === undefined || word.length < known.length) && surface.size < 200_000) surface.set(stem, word);
    }
    if (stem) out.push(stem);
  }
  return out;
}

/** Term counts of a text. */
export function termCounts(list: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of list) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
