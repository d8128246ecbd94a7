/**
 * Levenshtein distance, giving up early: returns `max + 1` as soon as the distance must exceed
 * `max`. Suggestions compare one word with thousands of ids, so the bound keeps them cheap.
 */
export function distance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    let rowMin = row[0];
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
      if ((row[j] ?? 0) < rowMin) rowMin = row[j] ?? 0;
    }
    if (rowMin > max) return max + 1;
  }
  return row[b.length] ?? 0;
}

/** The closest candidate within about a third of the word's length, if any. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.ceil(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase(), bestDistance - 1);
    if (d >= bestDistance) continue;
    best = candidate;
    bestDistance = d;
    // one edit away is as good as a suggestion gets (an exact match is not a suggestion)
    if (bestDistance <= 1) break;
  }
  return best;
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
