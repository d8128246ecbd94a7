/**
 * A bound on how deeply an article's blocks nest, checked on the text before any parser sees it.
 * Markdown parsers are built for documents people write: 10,000 nested list items or `>` quotes
 * (20 kB of text) take the MDX parser minutes and then overflow the stack. No article needs more
 * than a handful of levels, so anything past {@link MAX_NESTING} is refused with its place.
 */

/** Deepest nesting of block quotes and list items an article may have. */
export const MAX_NESTING = 32;

/** The one message for text that nests too deeply (kb check, build, import). */
export const NESTING_MESSAGE = `Unexpected nesting of lists and block quotes deeper than ${MAX_NESTING} levels, expected at most ${MAX_NESTING}`;

/** Where the text first nests deeper than allowed: the line and column of the marker that did it. */
export interface TooDeep {
  line: number;
  column: number;
  depth: number;
}

const FENCE = /^(`{3,}|~{3,})/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** Columns of leading spaces and tabs from `at` (tabs to the next multiple of 4), and where they end. */
function skipSpace(line: string, at: number, column: number): { at: number; column: number } {
  while (at < line.length && (line[at] === ' ' || line[at] === '\t')) {
    column = line[at] === '\t' ? column + 4 - (column % 4) : column + 1;
    at++;
  }
  return { at, column };
}

/**
 * Finds the first place where block quotes and list items nest deeper than `limit`, in one pass
 * over the lines (linear time, no recursion). Lines in fenced code blocks do not count. It reads
 * nesting the way CommonMark does in the common cases: `>` markers at the start of a line, list
 * markers (`-`, `*`, `+`, `1.`, `1)`), also several on one line, and list items continued by
 * indentation (`- a` / `  - b` / `    - c`), inside block quotes too. Lazy continuation lines can
 * make it count fewer levels than a parser would, never more, so a real article is not refused.
 */
export function tooDeep(text: string, limit: number = MAX_NESTING): TooDeep | undefined {
  // content columns of the open list items, innermost last (counted after the leading `>` markers)
  const items: number[] = [];
  let fence: string | undefined;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').replace(/\r$/, '');
    const tooDeepAt = (at: number, depth: number): TooDeep => ({ line: index + 1, column: at + 1, depth });
    // leading block quote markers: `>` each with an optional space; list indentation is
    // counted from after them
    let quotes = 0;
    let at = 0;
    for (let probe = skipSpace(line, 0, 0); line[probe.at] === '>'; probe = skipSpace(line, at, 0)) {
      if (++quotes > limit) return tooDeepAt(probe.at, quotes);
      at = probe.at + 1;
      if (line[at] === ' ') at++;
    }
    let { at: textAt, column } = skipSpace(line, at, 0);
    const rest = line.slice(textAt);
    if (fence !== undefined) {
      if (rest.startsWith(fence)) fence = undefined;
      continue;
    }
    if (rest === '') continue;
    while (items.length && items[items.length - 1]! > column) items.pop();
    if (THEMATIC_BREAK.test(rest)) continue;
    // list markers, and quotes inside list items, as many as the line opens
    let inner = 0;
    for (;;) {
      if (line[textAt] === '>') {
        if (quotes + items.length + ++inner > limit) return tooDeepAt(textAt, quotes + items.length + inner);
        textAt++;
        column++;
      } else {
        const marker = LIST_MARKER.exec(line.slice(textAt, textAt + 11));
        if (!marker) break;
        if (quotes + items.length + inner + 1 > limit) return tooDeepAt(textAt, quotes + items.length + inner + 1);
        textAt += marker[0].length;
        column += marker[0].length;
        const after = skipSpace(line, textAt, column);
        // the item's content starts one column after the marker (more when the line says so)
        items.push(after.at < line.length && after.column - column <= 4 ? after.column : column + 1);
      }
      ({ at: textAt, column } = skipSpace(line, textAt, column));
    }
    const opening = FENCE.exec(line.slice(textAt));
    if (opening) fence = opening[1]!;
  }
  return undefined;
}
