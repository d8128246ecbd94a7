import { createRequire } from 'node:module';
import type { Synonyms } from '../../src/lib/search/synonyms.ts';

const require = createRequire(import.meta.url);
const STOP = new Set((require('stopword') as { deu: string[] }).deu.map((w) => w.toLowerCase()));

/** One article as the query generator sees it. */
export interface KnownItem {
  url: string;
  title: string;
  /** Title, summary and body as plain-ish text (for the corpus statistics). */
  text: string;
}

export type QueryKind = 'title words' | 'compound part' | 'inflected form' | 'synonym';
export const QUERY_KINDS: readonly QueryKind[] = ['title words', 'compound part', 'inflected form', 'synonym'];

export interface KnownItemQuery {
  kind: QueryKind;
  query: string;
  /** The URL of the article the query was made from, and of any article with the same title: the right answers. */
  expected: string[];
}

/** Small seeded generator (mulberry32): the same seed gives the same queries on every machine. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORD = /[A-Za-zÄÖÜäöüß]+/g;

function contentWords(title: string): string[] {
  return [...new Set((title.match(WORD) ?? []).map((w) => w.toLowerCase()))].filter((w) => w.length >= 3 && !STOP.has(w));
}

const fold = (w: string) => w.replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/ß/g, 'ss');

/**
 * Known-item queries from titles, in four kinds, with their own corpus statistics (kept apart
 * from the splitter and word forms of src/lib/search, so the benchmark does not grade them
 * with their own rules):
 * - title words: two title words, drawn by weight idf² (a person types the words that tell the
 *   article apart, after Azzopardi, de Rijke and Balog's known-item query simulation);
 * - compound part: tail and head of a title compound, each a word the corpus uses on its own
 *   (the tail capitalised after a lower-case word, both in two other articles), with a
 *   distinctive title word when other titles have the compound too (none: no query);
 * - inflected form: a title word in another form of the same word that two other articles use
 *   (endings -e/-en/-n/-s/-es/-er/-ern added or removed, -ieren/-iert/-ierung/-ierte swapped,
 *   ge-participle and infinitive swapped), with a distinctive title word;
 * - synonym: a title word (or the part of a title compound) replaced by another word of its
 *   group in the synonyms file, with a distinctive title word.
 * Words in more than a fifth of the articles ("intune", "geräte") are never drawn. Articles
 * with the same title (one per platform) all count as right answers. At most `perKind`
 * queries per kind, drawn with the seed.
 */
export function knownItemQueries(items: readonly KnownItem[], synonyms: Synonyms['de'], seed = 42, perKind = 100): KnownItemQuery[] {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const documents = new Map<string, Set<number>>();
  const nouns = new Set<string>();
  items.forEach((item, index) => {
    for (const match of item.text.matchAll(WORD)) {
      const word = match[0];
      const lower = word.toLowerCase();
      // capitalised after a lower-case word: a noun, not a sentence start
      if (/^[A-ZÄÖÜ][a-zäöüß]/.test(word) && /[a-zäöüß,] $/.test(item.text.slice(Math.max(0, match.index - 2), match.index))) nouns.add(lower);
      let set = documents.get(lower);
      if (!set) documents.set(lower, (set = new Set()));
      set.add(index);
    }
  });
  const usedElsewhere = (word: string, index: number, min: number) => {
    const set = documents.get(word);
    return set ? set.size - (set.has(index) ? 1 : 0) >= min : false;
  };
  const group = new Map<string, readonly string[]>();
  for (const g of synonyms) for (const w of g) group.set(fold(w), g);
  const groupOf = (word: string): { base: string; others: string[] } | undefined => {
    const folded = fold(word);
    for (const ending of ['', 'e', 'en', 'er', 'es', 'n', 's']) {
      if (!folded.endsWith(ending)) continue;
      const base = folded.slice(0, folded.length - ending.length);
      const g = group.get(base);
      if (g) return { base, others: g.filter((w) => fold(w) !== base) };
    }
    return undefined;
  };
  const compound = (word: string, index: number): { head: string; tail: string } | undefined => {
    for (let i = 3; i <= word.length - 4; i++) {
      const tail = word.slice(i);
      if (nouns.has(tail) && usedElsewhere(tail, index, 2)) {
        const raw = word.slice(0, i);
        const head = [raw.replace(/(es|s|en|n)$/, ''), raw].find((h) => h.length >= 3 && usedElsewhere(h, index, 2));
        return { head: head ?? raw, tail };
      }
    }
    return undefined;
  };
  const forms = (word: string): string[] => {
    const out = new Set<string>();
    for (const ending of ['e', 'en', 'n', 's', 'es', 'er', 'ern']) {
      out.add(word + ending);
      if (word.endsWith(ending) && word.length - ending.length >= 4) out.add(word.slice(0, -ending.length));
    }
    const ieren = /^(.{3,}?)ier(en|t|te|ten|ung|ungen)$/.exec(word);
    if (ieren) for (const e of ['en', 't', 'te', 'ten', 'ung', 'ungen']) out.add(`${ieren[1]}ier${e}`);
    const participle = /^(an|auf|aus|ein|hinzu|zurück|ab)?ge(.{3,}?)e?t$/.exec(word);
    if (participle) out.add(`${participle[1] ?? ''}${participle[2]}en`);
    const infinitive = /^(an|auf|aus|ein|hinzu|zurück|ab)?(.{3,}?)en$/.exec(word);
    if (infinitive) for (const e of ['t', 'et']) out.add(`${infinitive[1] ?? ''}ge${infinitive[2]}${e}`);
    out.delete(word);
    return [...out];
  };

  // a word in more than a fifth of the articles ("intune", "geräte", "einstellungen") tells
  // them apart no better than no word: queries are made of the title's distinctive words
  const common = (word: string) => (documents.get(word)?.size ?? 0) > items.length / 5;
  const idf = (word: string) => Math.log(items.length / (documents.get(word)?.size ?? 1));
  /** A title word drawn by weight idf² (known-item query simulation after Azzopardi et al.), or undefined. */
  const distinctive = (words: readonly string[]): string | undefined => {
    const pool = words.filter((w) => !common(w));
    const weights = pool.map((w) => idf(w) ** 2);
    let r = random() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < pool.length; i++) if ((r -= weights[i]!) <= 0) return pool[i];
    return pool.at(-1);
  };
  const sameTitle = new Map<string, string[]>();
  for (const item of items) {
    const key = item.title.trim().toLowerCase();
    sameTitle.set(key, [...(sameTitle.get(key) ?? []), item.url]);
  }
  const PARTICLES = new Set([
    'hinzu',
    'zurück',
    'durch',
    'unter',
    'über',
    'ein',
    'aus',
    'auf',
    'vor',
    'nach',
    'mit',
    'fest',
    'bereit',
    'dar',
    'statt',
    'weiter',
  ]);

  const byKind = new Map<QueryKind, KnownItemQuery[]>(QUERY_KINDS.map((k) => [k, []]));
  items.forEach((item, index) => {
    const title = contentWords(item.title);
    if (!title.length) return;
    const expected = sameTitle.get(item.title.trim().toLowerCase()) ?? [item.url];
    const other = (...not: string[]) => distinctive(title.filter((w) => !not.includes(w)));
    const join = (...parts: (string | undefined)[]) => {
      const words = parts.filter((p): p is string => Boolean(p));
      return (random() < 0.5 ? words : words.reverse()).join(' ');
    };
    const first = distinctive(title);
    const second = first && other(first);
    if (first && second) byKind.get('title words')!.push({ kind: 'title words', query: join(first, second), expected });

    const compounds = title
      .filter((w) => w.length >= 9 && !common(w))
      .map((w) => ({ word: w, parts: compound(w, index) }))
      .filter((c) => c.parts && c.parts.tail.length >= 4 && c.parts.head.length >= 4 && !PARTICLES.has(c.parts.head) && usedElsewhere(c.parts.head, index, 2));
    if (compounds.length) {
      const { word, parts } = pick(compounds);
      // "warteschlange drucker": the parts of the compound, and a distinctive title word when
      // other titles have the compound too (else no query could tell the article apart)
      const shared = items.some((other, i) => i !== index && contentWords(other.title).includes(word) && !expected.includes(other.url));
      const extra = shared ? other(word) : undefined;
      if (!shared || extra) byKind.get('compound part')!.push({ kind: 'compound part', query: join(parts!.tail, parts!.head, extra), expected });
    }
    const inflectable = title
      .filter((w) => w.length >= 5 && !common(w))
      .map((w) => ({ word: w, forms: forms(w).filter((f) => f.length >= 5 && usedElsewhere(f, index, 2) && !title.includes(f)) }))
      .filter((c) => c.forms.length);
    if (inflectable.length) {
      const { word, forms: found } = pick(inflectable);
      const partner = other(word);
      if (partner) byKind.get('inflected form')!.push({ kind: 'inflected form', query: join(pick(found), partner), expected });
    }
    const replaceable: { word: string; query: string }[] = [];
    for (const word of title) {
      const direct = groupOf(word);
      if (direct?.others.length) replaceable.push({ word, query: pick(direct.others) });
      const parts = compound(word, index);
      for (const [part, rest] of parts
        ? [
            [parts.head, parts.tail],
            [parts.tail, parts.head],
          ]
        : []) {
        const g = groupOf(part!);
        if (g?.others.length) replaceable.push({ word, query: `${pick(g.others)} ${rest}` });
      }
    }
    if (replaceable.length) {
      const chosen = pick(replaceable);
      // the synonym and one more word: a lone "wifi" or "löschen" names no article
      const partner = chosen.query.includes(' ') ? undefined : other(chosen.word);
      if (partner || chosen.query.includes(' ')) byKind.get('synonym')!.push({ kind: 'synonym', query: join(chosen.query, partner), expected });
    }
  });
  const out: KnownItemQuery[] = [];
  for (const kind of QUERY_KINDS) {
    const list = [...byKind.get(kind)!];
    // a seeded shuffle, then the first perKind
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    out.push(...list.slice(0, perKind));
  }
  return out;
}
