/**
 * German compounds are single words to Pagefind: "Druckerwarteschlange" is not found by
 * "Warteschlange". At build time we split compounds into parts that occur as words of their own
 * somewhere in the knowledge base, and index the parts with the article. Using the knowledge
 * base's own vocabulary avoids a dictionary and keeps false splits rare: both parts must be
 * real words of at least four letters.
 */

const WORD = /[A-Za-zÄÖÜäöüß]+/g;
/** Linking elements (Fugenelemente) that may end the first part: Arbeit-s-platz, Kunde-n-konto. */
const LINKS = ['', 's', 'es', 'n', 'en', 'e'];

export function words(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.toLowerCase());
}

/** Every word of at least `minLength` letters in the texts, lower-cased. */
export function buildVocabulary(texts: Iterable<string>, minLength = 4): Set<string> {
  const vocabulary = new Set<string>();
  for (const text of texts) for (const word of words(text)) if (word.length >= minLength) vocabulary.add(word);
  return vocabulary;
}

/** Splits a compound into known parts (`druckerwarteschlange` → `drucker`, `warteschlange`), or undefined. */
export function splitCompound(word: string, vocabulary: ReadonlySet<string>, minPart = 4, depth = 0): string[] | undefined {
  const lower = word.toLowerCase();
  if (lower.length < minPart * 2 || depth > 3) return undefined;
  // prefer the longest known tail: "warteschlange" over "schlange"
  for (let i = minPart; i <= lower.length - minPart; i++) {
    const head = lower.slice(0, i);
    const tail = lower.slice(i);
    const knownHead = LINKS.map((link) => (link && head.endsWith(link) ? head.slice(0, -link.length) : link ? '' : head)).find(
      (candidate) => candidate.length >= minPart && vocabulary.has(candidate),
    );
    if (!knownHead) continue;
    if (vocabulary.has(tail)) return [knownHead, tail];
    const rest = splitCompound(tail, vocabulary, minPart, depth + 1);
    if (rest) return [knownHead, ...rest];
  }
  return undefined;
}

/** The parts of every compound in a text, without duplicates and without words already in it. */
export function compoundParts(text: string, vocabulary: ReadonlySet<string>): string[] {
  const own = new Set(words(text));
  const parts = new Set<string>();
  for (const word of own) {
    for (const part of splitCompound(word, vocabulary) ?? []) if (!own.has(part)) parts.add(part);
  }
  return [...parts].sort();
}
