/**
 * German compounds are single words to Pagefind: "Druckerwarteschlange" is not found by
 * "Warteschlange" (Pagefind matches prefixes, so "Drucker" already finds it; the tail is the
 * problem). At build time we split compounds into parts and index the parts with the article.
 *
 * The parts are checked against the knowledge base's own German vocabulary, not a dictionary:
 * a dictionary lacks the product words that matter here (Unternehmensportal, Konformität,
 * Intune) and costs a 14 MB word list at every build. What keeps junk out is how often a
 * part occurs on its own, measured on the 635 articles of the Intune corpus:
 * - every part is at least four letters and occurs on its own in at least two articles
 *   ("micro" of Microsoft occurs nowhere, "meter" of Parameter once, "para" nowhere);
 * - the last part (the Grundwort, which decides a compound's word class) occurs capitalised
 *   on its own inside a sentence, as a German noun does ("soft" occurs only in lower case,
 *   "ndes" only as the acronym NDES, "ungs" never; "Führen Sie" at a sentence start is no noun).
 */

const WORD = /[A-Za-zÄÖÜäöüß]+/g;
/** A part used in fewer than 1/RARE_PART as many texts as its compound is rejected. */
const RARE_PART = 10;
/** What may come before a word that starts a sentence, a heading, a list item or a link. */
const SENTENCE_MARKS = new Set([...'.!?:#>*|\n-[("„“\'_`']);

/** Whether the word at `index` starts a sentence (or a heading, list item, table cell, link). */
function startsSentence(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i < 0 || SENTENCE_MARKS.has(text[i]!);
}
/**
 * Linking elements (Fugenelemente) that may end a part before the next: Arbeit-s-platz,
 * Kunde-n-konto. Tried before the bare head, so a part is the word without its link
 * ("unternehmen", not the genitive "unternehmens").
 */
const LINKS = ['es', 's', 'en', 'n', 'e', ''];

export function words(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.toLowerCase());
}

/** How often words occur in the knowledge base, and which occur capitalised (as nouns). */
export class Vocabulary {
  /** Articles (texts) each lower-case word occurs in. */
  readonly documents = new Map<string, number>();
  /** Lower-case words seen capitalised (`Warteschlange`, not `WARTESCHLANGE` or `soft`). */
  readonly nouns = new Set<string>();
  private readonly splits = new Map<string, string[] | undefined>();
  private readonly tails = new Map<string, string[] | undefined>();
  readonly options: { minPart: number; minDocuments: number };

  constructor(texts: Iterable<string> = [], options: { minPart: number; minDocuments: number } = { minPart: 4, minDocuments: 2 }) {
    this.options = options;
    for (const text of texts) this.add(text);
  }

  add(text: string): void {
    const seen = new Set<string>();
    for (const match of text.matchAll(WORD)) {
      const word = match[0];
      const lower = word.toLowerCase();
      // capitalised inside a sentence: a noun ("Führen Sie" at a sentence start is a verb)
      if (!this.nouns.has(lower) && /^[A-ZÄÖÜ][a-zäöüß]/.test(word) && !startsSentence(text, match.index)) this.nouns.add(lower);
      if (seen.has(lower)) continue;
      seen.add(lower);
      this.documents.set(lower, (this.documents.get(lower) ?? 0) + 1);
    }
    this.splits.clear();
    this.tails.clear();
  }

  has(word: string): boolean {
    return this.documents.has(word);
  }

  /** A word that may be a part of a compound: long enough and common enough on its own. */
  isPart(word: string): boolean {
    return word.length >= this.options.minPart && (this.documents.get(word) ?? 0) >= this.options.minDocuments;
  }

  /** A word that may end a compound: a part that occurs capitalised, as a noun. */
  isTail(word: string): boolean {
    return this.isPart(word) && this.nouns.has(word);
  }

  /**
   * The parts of a compound (`druckerwarteschlange` → `drucker`, `warteschlange`), or
   * undefined when it is none. Cached per word: a knowledge base repeats its words.
   */
  split(word: string): string[] | undefined {
    const lower = word.toLowerCase();
    if (this.splits.has(lower)) return this.splits.get(lower);
    const parts = this.splitFrom(lower, 0);
    this.splits.set(lower, parts);
    return parts;
  }

  private splitFrom(lower: string, depth: number): string[] | undefined {
    const { minPart } = this.options;
    if (lower.length < minPart * 2 || depth > 3) return undefined;
    // the tails of one word are tried again and again: remember each answer
    if (depth > 0 && this.tails.has(lower)) return this.tails.get(lower);
    const parts = this.trySplit(lower, depth);
    if (depth > 0) this.tails.set(lower, parts);
    return parts;
  }

  private trySplit(lower: string, depth: number): string[] | undefined {
    const { minPart } = this.options;
    // two parts if it can be, with the longest tail: "warteschlange", not "schlange";
    // "registrierungs|endpunkt", not "registrierung|send|punkt"
    for (let i = minPart; i <= lower.length - minPart; i++) {
      const tail = lower.slice(i);
      if (!this.isTail(tail)) continue;
      const head = this.headAt(lower.slice(0, i));
      if (head && this.common(lower, head, tail) && !this.overshadowed(lower, i, head)) return [head, tail];
    }
    // more than two parts: the longest head first ("unternehmens|bereichskonto", not "unter|…")
    for (let i = lower.length - minPart * 2; i >= minPart; i--) {
      const head = this.headAt(lower.slice(0, i));
      if (!head || !this.common(lower, head)) continue;
      const rest = this.splitFrom(lower.slice(i), depth + 1);
      if (rest) return [head, ...rest];
    }
    return undefined;
  }

  /**
   * A head is no part when a longer word starts the compound and is far more common:
   * "kennwörter" is "Kennwort" inflected, not "kenn" + "wörter".
   */
  private overshadowed(lower: string, end: number, head: string): boolean {
    const own = this.documents.get(head) ?? 0;
    for (let j = end + 1; j < lower.length; j++) {
      const prefix = lower.slice(0, j);
      // with the umlaut of a plural undone: "kennwört|er" starts with "kennwort"
      const singular = prefix.replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u');
      if (Math.max(this.documents.get(prefix) ?? 0, this.documents.get(singular) ?? 0) >= own * RARE_PART) return true;
    }
    return false;
  }

  /**
   * Parts must not be rare beside the word they split: "Kennwort" (108 articles) is no
   * "kenn" (2) + "wort", "möglicherweise" no "möglicher" + "Weise". A part used in fewer than a
   * tenth as many articles as the compound is a coincidence of spelling, not a word in it.
   */
  private common(word: string, ...parts: string[]): boolean {
    const own = this.documents.get(word) ?? 0;
    return parts.every((part) => (this.documents.get(part) ?? 0) * RARE_PART >= own);
  }

  /**
   * The known word a head is, with or without a linking element (`registrierungs` →
   * `registrierung`); a noun reading wins ("seiten" is "Seite", not "seit").
   */
  private headAt(head: string): string | undefined {
    let best: string | undefined;
    let bestScore = -1;
    for (const link of LINKS) {
      if (link && !head.endsWith(link)) continue;
      const candidate = link ? head.slice(0, -link.length) : head;
      if (!this.isPart(candidate)) continue;
      // nouns first, then the more common reading ("daten", not "date")
      const score = (this.nouns.has(candidate) ? 1e9 : 0) + (this.documents.get(candidate) ?? 0);
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return best;
  }
}

/** Every word of at least `minLength` letters in the texts, lower-cased. */
export function buildVocabulary(texts: Iterable<string>): Vocabulary {
  return new Vocabulary(texts);
}

/** Splits a compound into known parts, or undefined (see `Vocabulary.split`). */
export function splitCompound(word: string, vocabulary: Vocabulary): string[] | undefined {
  return vocabulary.split(word);
}

/** The parts of every compound in a text, without duplicates and without words already in it. */
export function compoundParts(text: string, vocabulary: Vocabulary): string[] {
  const own = new Set(words(text));
  const parts = new Set<string>();
  for (const word of own) {
    for (const part of vocabulary.split(word) ?? []) if (!own.has(part)) parts.add(part);
  }
  return [...parts].sort();
}
