import { mdxToMdast } from 'satteri';

/**
 * `<Internal>` blocks: agent-only parts of a public article. The public build removes them from
 * the article's syntax tree before anything reads the article, so nothing derived from it (the
 * page, its headings and table of contents, images, search text, hidden search terms, compound
 * parts) can contain them. This module is the one definition of what is removed.
 */

export const INTERNAL_COMPONENT = 'Internal';

interface Node {
  type: string;
  name?: string | null;
  children?: Node[];
  position?: { start: { offset?: number }; end: { offset?: number } } | undefined;
}

/** An `<Internal>` element, as a block or inside a paragraph. */
export function isInternalElement(node: { type: string; name?: string | null }): boolean {
  return (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === INTERNAL_COMPONENT;
}

/** Removes every `<Internal>` element (with all it holds) from a tree, in place; returns how many. */
export function stripInternal(tree: Node): number {
  let removed = 0;
  const walk = (node: Node) => {
    if (!node.children) return;
    const kept = node.children.filter((child) => !isInternalElement(child));
    removed += node.children.length - kept.length;
    node.children = kept;
    for (const child of kept) walk(child);
  };
  walk(tree);
  return removed;
}

/** Source ranges (UTF-16 offsets) of the outermost `<Internal>` elements of a tree. */
function internalRanges(tree: Node): [number, number][] {
  const ranges: [number, number][] = [];
  const walk = (node: Node) => {
    for (const child of node.children ?? []) {
      if (isInternalElement(child)) {
        const start = child.position?.start.offset;
        const end = child.position?.end.offset;
        if (start === undefined || end === undefined) throw new Error('An <Internal> element has no position');
        ranges.push([start, end]);
      } else walk(child);
    }
  };
  walk(tree);
  return ranges;
}

/**
 * The MDX body of a public article as the public site may see it: `<Internal>` elements cut out
 * of the source. Parsed with the build's own MDX parser (Sätteri), so it removes exactly what the
 * page's render removes. A body that does not parse yields nothing: the build then fails on it,
 * and until then no text of it may be used.
 */
export function publicBody(body: string): string {
  if (!new RegExp(`<\\s*${INTERNAL_COMPONENT}\\b`).test(body)) return body;
  let tree: Node;
  try {
    tree = mdxToMdast(body, { position: true }) as Node;
  } catch {
    return '';
  }
  let result = '';
  let at = 0;
  for (const [start, end] of internalRanges(tree)) {
    result += body.slice(at, start);
    at = end;
  }
  return result + body.slice(at);
}
