/**
 * Excerpts of search results, built from the text Pagefind indexed for a page (`content` and the
 * match locations of a result's data).
 *
 * The cards build their own excerpt rather than showing Pagefind's: it leaves out the title (the
 * card's link already shows it), and it is plain text and <mark> runs, built as DOM nodes, never
 * HTML. The hidden search words (compound parts, synonyms, error-code spellings) are Pagefind meta
 * fields (src/lib/search/terms.ts), not page text, so no excerpt can show them.
 */

/** One run of excerpt text; `mark` runs are the words that matched the query. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface Excerpt {
  parts: ExcerptPart[];
  /** Text was left out before / after the excerpt (the card shows an ellipsis). */
  before: boolean;
  after: boolean;
}

/** A matched word: its position in the page's words and Pagefind's score for it. */
export interface WordMatch {
  location: number;
  score: number;
}

export interface ExcerptOptions {
  /** Words before this position are not shown (the title: the card shows it as its link). */
  visibleFrom?: number | undefined;
  /** Words in the excerpt. */
  length?: number | undefined;
}

export const EXCERPT_WORDS = 30;

/** The page's words the way Pagefind counts them: its match locations index into this list. */
export function contentWords(content: string): string[] {
  // Pagefind splits by zero-width spaces when it segmented the text itself (CJK), else by whitespace
  return content.includes('\u200B') ? content.split('\u200B') : content.split(/[\r\n\s]+/g);
}

/** Lower case without the punctuation Pagefind leaves on words ("offline." / "„Drucker"). */
const bare = (word: string) => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/**
 * Where the page's title ends in its words: the content starts with what precedes the heading (a
 * badge, a kicker) and the title itself, which a result card shows as its link. 0 when the title is
 * not found near the start.
 */
export function titleEnd(words: readonly string[], title: string, within = 40): number {
  const wanted = title.split(/\s+/).map(bare).filter(Boolean);
  if (wanted.length === 0) return 0;
  const limit = Math.min(within, words.length - wanted.length);
  for (let start = 0; start <= limit; start++) {
    if (wanted.every((w, i) => bare(words[start + i] ?? '') === w)) return start + wanted.length;
  }
  return 0;
}

/**
 * The window of `length` visible words with the highest sum of match scores (the middle one of
 * equal windows in a row, as Pagefind does), or the first visible words when none matched.
 */
function windowStart(matches: readonly WordMatch[], visibleStart: number, visibleEnd: number, length: number): number {
  if (matches.length === 0 || visibleEnd - visibleStart <= length) return visibleStart;
  const weight = new Array<number>(visibleEnd).fill(0);
  for (const m of matches) weight[m.location] = (weight[m.location] ?? 0) + m.score;
  let sum = 0;
  for (let i = visibleStart; i < visibleStart + length; i++) sum += weight[i] ?? 0;
  let best = sum;
  let bestRun: number[] = [visibleStart];
  for (let start = visibleStart + 1; start + length <= visibleEnd; start++) {
    sum += (weight[start + length - 1] ?? 0) - (weight[start - 1] ?? 0);
    if (sum > best) {
      best = sum;
      bestRun = [start];
    } else if (sum === best && bestRun[bestRun.length - 1] === start - 1) {
      bestRun.push(start);
    }
  }
  return bestRun[Math.floor(bestRun.length / 2)] ?? visibleStart;
}

/** An excerpt of the visible words of `content` around the best matches, with the matches marked. */
export function visibleExcerpt(content: string, matches: readonly WordMatch[], options: ExcerptOptions = {}): Excerpt {
  const words = contentWords(content);
  const length = options.length ?? EXCERPT_WORDS;
  const visibleEnd = words.length;
  const visibleStart = Math.max(0, Math.min(options.visibleFrom ?? 0, visibleEnd));
  const visible = matches.filter((m) => m.location >= visibleStart && m.location < visibleEnd);
  const start = windowStart(visible, visibleStart, visibleEnd, length);
  const end = Math.min(visibleEnd, start + length);
  const marked = new Set(visible.map((m) => m.location));

  const parts: ExcerptPart[] = [];
  const push = (text: string, mark: boolean) => {
    const last = parts[parts.length - 1];
    if (last && !last.mark && !mark) last.text += text;
    else parts.push({ text, mark });
  };
  for (let i = start; i < end; i++) {
    const word = words[i];
    if (!word) continue;
    // the space between words belongs to the unmarked side, so a mark holds exactly its word
    if (parts.length) push(' ', false);
    push(word, marked.has(i));
  }
  return { parts, before: start > visibleStart, after: end < visibleEnd };
}

/** The excerpt as plain text (for tests and the screen-reader-free fallback). */
export function excerptText(excerpt: Excerpt): string {
  const text = excerpt.parts.map((p) => p.text).join('');
  return `${excerpt.before ? '… ' : ''}${text}${excerpt.after ? ' …' : ''}`;
}
