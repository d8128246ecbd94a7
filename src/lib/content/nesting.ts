/**
 * A bound on how deeply an article nests, checked on the text before any parser sees it.
 * Markdown parsers are built for documents people write: 10,000 nested list items or `>` quotes
 * (20 kB of text) take the MDX parser minutes and then overflow the stack; 10,000 nested
 * elements (`<Callout>` or `<div>`) parse, but overflow the stack of every tree walker after it
 * and take the build's renderer half a minute for one article. No article needs more than a
 * handful of levels, so anything past {@link MAX_NESTING} is refused with its place.
 */

/** Deepest nesting of block quotes and list items, and of elements, an article may have. */
export const MAX_NESTING = 32;

/** What nests too deeply: list items and `>` quotes, JSX/HTML elements, or (second lock) the parsed tree. */
export type NestingKind = 'blocks' | 'elements' | 'tree';

const WHAT: Record<NestingKind, string> = { blocks: 'lists and block quotes', elements: 'elements', tree: 'blocks, elements and inline text' };

/** The one message for text that nests too deeply (kb check, build, import). */
export function nestingMessage(kind: NestingKind): string {
  const limit = kind === 'tree' ? MAX_TREE_DEPTH : MAX_NESTING;
  return `Unexpected nesting of ${WHAT[kind]} deeper than ${limit} levels, expected at most ${limit}`;
}

/** How to fix text that nests too deeply. */
export function nestingHint(kind: NestingKind): string {
  return kind === 'elements' ? 'Close each element before opening the next one; no article needs that many levels.' : 'Flatten the lists, quotes and elements; no article needs that many levels.';
}

/** Where the text first nests deeper than allowed: the line and column of the marker that did it. */
export interface TooDeep {
  line: number;
  column: number;
  depth: number;
  kind: NestingKind;
}

const FENCE = /^(`{3,}|~{3,})/;
// a backtick run (may open a code span, whose text is not markup) or a JSX/HTML tag:
// `</name>`, `<name attr="…">`, `<name />`, fragments `<>` and `</>`. Alternatives start with
// different characters and attributes start with a space or `/`, so a line is read in linear time.
const BACKTICKS_OR_TAG = /(`+)|<(\/?)(?:([A-Za-z][\w.:-]*)((?:[\s/](?:[^<>"'{}]|"[^"]*"|'[^']*'|\{[^{}]*\})*)?)|)>/g;
// HTML elements that have no end tag: never open a level, whether written `<br>` or `<br />`
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
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
export function tooDeep(text: string, limit: number = MAX_NESTING, options: { elements?: boolean } = {}): TooDeep | undefined {
  // content columns of the open list items, innermost last (counted after the leading `>` markers)
  const items: number[] = [];
  // names of the open JSX/HTML elements, innermost last (MDX only: plain Markdown keeps HTML as text)
  const elements: string[] = [];
  const countElements = options.elements ?? true;
  let fence: string | undefined;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').replace(/\r$/, '');
    const tooDeepAt = (at: number, depth: number, kind: NestingKind = 'blocks'): TooDeep => ({ line: index + 1, column: at + 1, depth, kind });
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
    if (opening) {
      fence = opening[1]!;
      continue;
    }
    if (!countElements) continue;
    BACKTICKS_OR_TAG.lastIndex = textAt;
    for (let tag = BACKTICKS_OR_TAG.exec(line); tag; tag = BACKTICKS_OR_TAG.exec(line)) {
      const [, ticks, closing, name = '', attributes = ''] = tag;
      if (ticks) {
        // a code span runs to the next run of as many backticks; without one they are text
        const end = closingTicks(line, BACKTICKS_OR_TAG.lastIndex, ticks.length);
        if (end >= 0) BACKTICKS_OR_TAG.lastIndex = end;
        continue;
      }
      if (closing) {
        // back to the element it closes; a stray end tag is the parser's to report
        const open = elements.lastIndexOf(name);
        if (open >= 0) elements.length = open;
      } else if (!attributes.trimEnd().endsWith('/') && !VOID.has(name.toLowerCase())) {
        elements.push(name);
        if (elements.length > limit) return tooDeepAt(tag.index, elements.length, 'elements');
      }
    }
  }
  return undefined;
}

/** Where the run of exactly `length` backticks at or after `from` ends, or -1 when the line has none. */
function closingTicks(line: string, from: number, length: number): number {
  for (let at = line.indexOf('`', from); at >= 0; at = line.indexOf('`', at)) {
    let end = at;
    while (line[end] === '`') end++;
    if (end - at === length) return end;
    at = end;
  }
  return -1;
}

/** Deepest a parsed tree may be: a second lock behind {@link tooDeep} for whatever it did not foresee. */
export const MAX_TREE_DEPTH = 4 * MAX_NESTING;

interface TreeNode {
  children?: TreeNode[];
  position?: { start: { line: number; column: number } } | undefined;
}

/**
 * The first node deeper than {@link MAX_TREE_DEPTH} in a parsed tree, found without recursion
 * (tree walkers recurse, and overflow the stack on a tree thousands of levels deep).
 */
export function treeTooDeep(tree: TreeNode, limit: number = MAX_TREE_DEPTH): TooDeep | undefined {
  const stack: [TreeNode, number][] = [[tree, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry;
    if (depth > limit) {
      const start = node.position?.start ?? { line: 1, column: 1 };
      return { line: start.line, column: start.column, depth, kind: 'tree' };
    }
    const children = node.children ?? [];
    // children in reverse, so the first node past the bound in document order is found first
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1]);
  }
  return undefined;
}
