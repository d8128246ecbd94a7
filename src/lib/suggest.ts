import leven from 'leven';

/**
 * "Did you mean": one edit distance (Levenshtein, from `leven`) for every suggestion of the
 * project, so `kb check` and `kb import` give the same answer for the same typo.
 */

/**
 * Levenshtein distance, giving up early: returns `max + 1` as soon as the distance must exceed
 * `max`. Suggestions compare one word with thousands of ids, so the bound keeps them cheap.
 */
export function distance(a: string, b: string, max = Infinity): number {
  return Number.isFinite(max) ? leven(a, b, { maxDistance: max + 1 }) : leven(a, b);
}

/** How far a suggestion may be from the word: about a third of its length, at least two edits. */
export function suggestionTolerance(word: string): number {
  return Math.max(2, Math.ceil(word.length / 3));
}

/**
 * The candidate closest to `word` (case-insensitively) within `maxDistance` edits, if any.
 * Ties go to the first candidate.
 */
export function closest(word: string, candidates: Iterable<string>, maxDistance = suggestionTolerance(word)): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase(), bestDistance - 1);
    if (d >= bestDistance) continue;
    best = candidate;
    bestDistance = d;
    if (bestDistance === 0) break;
  }
  return best;
}

/**
 * The known key that `key` is a typo of, for guesses that are applied, not only suggested
 * (`kb import` reads `ms.dat` as `ms.date`): so stricter, at most one edit for short keys and
 * two for keys of eight or more characters. A key that differs only in case is no typo.
 */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const guess = closest(key, known, key.length >= 8 ? 2 : 1);
  return guess !== undefined && guess.toLowerCase() !== key.toLowerCase() ? guess : undefined;
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * "Did you mean" over many candidates (thousands of article ids): words one or two edits apart
 * are found through their single-character deletions in constant time (after SymSpell); a full
 * scan runs only for small candidate sets.
 */
export function createSuggester(candidates: readonly string[], fullScanLimit = 1000): (word: string) => string | undefined {
  const byVariant = new Map<string, string>();
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    for (const variant of [lower, ...deletions(lower)]) if (!byVariant.has(variant)) byVariant.set(variant, candidate);
  }
  return (word) => {
    const lower = word.toLowerCase();
    for (const variant of [lower, ...deletions(lower)]) {
      const hit = byVariant.get(variant);
      if (hit && hit.toLowerCase() !== lower) return hit;
    }
    return candidates.length <= fullScanLimit ? closest(word, candidates) : undefined;
  };
}
