import { createRequire } from 'node:module';
import type { Lang } from '../levels.ts';

const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as { newStemmer(name: string): { stem(word: string): string } };
const STEMMERS = { en: snowball.newStemmer('english'), de: snowball.newStemmer('german') };
const stopword = require('stopword') as { deu: string[]; eng: string[] };

/**
 * Words of support tickets that say nothing about the topic: greetings, sign-offs and ticket
 * boilerplate ("Sehr geehrtes Support-Team", "Mit freundlichen Grüßen", "Vielen Dank", "please
 * advise"), in German and English. The general stop words come from the `stopword` package.
 */
export const DOMAIN_STOP_WORDS = // German: greetings, politeness, request phrasing, placeholders
  (
    'hallo guten morgen abend moin servus liebe lieber geehrte geehrter geehrtes geehrten damen herren support team supportteam kundenservice kundendienst ' +
    'freundlichen freundliche grüßen grüße gruß grüsse grüssen beste besten viele vielen dank danke dankbar bedanke herzlichen ' +
    'bitte betreff anliegen problem probleme frage fragen hilfe unterstützung helfen unterstützen anfrage ticket ' +
    'wende wenden schreibe schreiben kontaktiere kontaktieren möchte möchten würde würden könnte könnten wäre wären ' +
    'umgehend baldige bald rückmeldung informieren information informationen erforderlich benötige benötigen brauche ' +
    'weitere details derzeit aktuell leider sofortige sofort schnell schnellstmöglich möglich möglichst angelegenheit kümmern ' +
    'melden mitteilen bezüglich hinsichtlich bzgl betreffend name freue freuen vorab voraus hoffe nachricht erreicht wohlbehalten ' +
    // urgency words say how, not what: the priority column counts them
    'dringend dringende dringender dringendes hohe hoher hohes priorität kritisch kritische kritischer kritisches kritischen sofortiger ' +
    // English: greetings, sign-offs, request phrasing, placeholders
    'dear dears greetings hello hey regards kind sincerely cheers thanks thank please kindly team support help assist assistance issue problem ' +
    'request requesting appreciate appreciated advise urgent urgently asap soon possible need needs needed like let know ' +
    'regarding subject sent hope ticket sir madam would could critical priority high'
  ).split(' ');

const STOP = new Set([...stopword.deu, ...stopword.eng, ...DOMAIN_STOP_WORDS].map((w) => w.toLowerCase()));

/** Whether a word (any case) is a stop word: a general German or English one, or ticket boilerplate. */
export function isStopWord(word: string): boolean {
  return STOP.has(word.toLowerCase());
}

interface Entry {
  stem: string;
  /** How often this exact spelling was seen (ticket words only). */
  n: number;
}

/**
 * Stems are cached by the word as written: ticket text repeats the same few thousand words
 * millions of times. The cache also counts each spelling, so a stem can be shown as the word
 * people wrote most often ("Störung", "VPN"), never as the stem ("stör"). Articles have their own
 * cache, so only ticket words name topics.
 */
const caches = {
  ticket: { en: new Map<string, Entry>(), de: new Map<string, Entry>() },
  article: { en: new Map<string, Entry>(), de: new Map<string, Entry>() },
};

// spellings counted on other threads (see read-and-match.ts), by `stem\0word`
const merged = new Map<string, Entry>();

const WORD_SPLIT = /[^A-Za-z0-9ÄÖÜäöüß]+/;
const DIGITS = /^\d+$/;

/**
 * Stemmed terms of a text, for matching and clustering: stop words, numbers and 1–2 letter words
 * dropped. `source` says whose words these are: ticket words name topics, article words (imported
 * prose with split identifiers such as "Exchang eRemote…") do not.
 */
export function terms(text: string, lang: Lang = 'en', source: 'ticket' | 'article' = 'ticket'): string[] {
  const out: string[] = [];
  const cache = caches[source][lang];
  for (const word of text.split(WORD_SPLIT)) {
    if (word.length < 3 || word.length > 30) continue;
    // one lookup per word: stop words and numbers are cached with an empty stem (skipped)
    let entry = cache.get(word);
    if (entry === undefined) {
      const lower = word.toLowerCase();
      entry = { stem: STOP.has(lower) || DIGITS.test(lower) ? '' : STEMMERS[lang].stem(lower), n: 0 };
      if (cache.size < 200_000) cache.set(word, entry);
    }
    if (entry.stem) {
      entry.n++;
      out.push(entry.stem);
    }
  }
  return out;
}

/** The stem of one word (lower-cased), or '' for a stop word or number. */
export function stemOf(word: string, lang: Lang = 'en'): string {
  const lower = word.toLowerCase();
  if (lower.length < 3 || STOP.has(lower) || DIGITS.test(lower)) return '';
  return STEMMERS[lang].stem(lower);
}

/** This thread's counts of ticket spellings: `[word, stem, count]`, for another thread to merge. */
export function spellingCounts(): [string, string, number][] {
  const out: [string, string, number][] = [];
  for (const cache of Object.values(caches.ticket)) for (const [word, { stem, n }] of cache) if (stem && n) out.push([word, stem, n]);
  return out;
}

/** Forgets the spellings counted so far: each analysis counts its own tickets. */
export function resetSpellingCounts(): void {
  for (const cache of Object.values(caches.ticket)) for (const entry of cache.values()) entry.n = 0;
  merged.clear();
}

/** Adds counts from another thread. */
export function mergeSpellingCounts(counts: readonly [string, string, number][]): void {
  for (const [word, stem, n] of counts) {
    const key = `${stem}\u0000${word}`;
    const entry = merged.get(key);
    if (entry) entry.n += n;
    else if (merged.size < 400_000) merged.set(key, { stem, n });
  }
}

/** The most frequent spelling of each stem in the tickets read so far. */
export function surfaceForms(): Map<string, string> {
  // by stem and spelling: one word can have a German and an English stem
  const totals = new Map<string, Map<string, number>>();
  const add = (stem: string, word: string, n: number) => {
    if (!stem || !n) return;
    const forms = totals.get(stem) ?? new Map<string, number>();
    forms.set(word, (forms.get(word) ?? 0) + n);
    totals.set(stem, forms);
  };
  for (const cache of Object.values(caches.ticket)) for (const [word, { stem, n }] of cache) add(stem, word, n);
  for (const [key, { stem, n }] of merged) add(stem, key.slice(stem.length + 1), n);
  const out = new Map<string, string>();
  for (const [stem, forms] of totals) {
    let best = '';
    let most = 0;
    // the most frequent spelling; on a tie the shorter, then the alphabetically first (stable)
    for (const [word, n] of forms)
      if (n > most || (n === most && (word.length < best.length || (word.length === best.length && word < best)))) [best, most] = [word, n];
    out.set(stem, best);
  }
  return out;
}

/** Term counts of a text. */
export function termCounts(list: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of list) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
