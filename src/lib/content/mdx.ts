import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { nestingMessage, tooDeep, treeTooDeep, type NestingKind, type TooDeep } from './nesting.ts';

// The one configuration of the MDX parser that kb check, kb stale and kb import read articles
// with (kb stale's link rules read the same tree faster with Sätteri: `readMdxTree` below).
// GFM is left out on purpose: it doubles the parse time and none of the readers needs its nodes
// (tables, footnotes and autolinks hold the same links as plain Markdown), and it does not change
// whether a file is valid MDX. remark-frontmatter keeps the YAML block as one node, so a
// whole file can be parsed and every position in the tree is a file position.
const body = unified().use(remarkParse).use(remarkMdx);
const file = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']);
const markdown = unified().use(remarkParse);

/** Text that nests deeper than MAX_NESTING (nesting.ts): thrown before the parser sees it, shaped like the parser's own errors. */
export class NestingTooDeep extends Error {
  readonly reason: string;
  readonly line: number;
  readonly column: number;
  readonly kind: NestingKind;
  constructor(deep: Pick<TooDeep, 'line' | 'column' | 'kind'>) {
    const reason = nestingMessage(deep.kind);
    super(`${deep.line}:${deep.column}: ${reason}`);
    this.name = 'NestingTooDeep';
    this.reason = reason;
    this.line = deep.line;
    this.column = deep.column;
    this.kind = deep.kind;
  }
}

/** Refuses text the parsers would need minutes and all the stack for (src/lib/content/nesting.ts). */
function bounded(text: string, options?: { elements?: boolean }): string {
  const deep = tooDeep(text, undefined, options);
  if (deep) throw new NestingTooDeep(deep);
  return text;
}

/** The second lock: a tree deeper than any walker after the parser can take (nesting.ts). */
function shallow(tree: Root): Root {
  const deep = treeTooDeep(tree);
  if (deep) throw new NestingTooDeep(deep);
  return tree;
}

/**
 * Parses MDX: an article body, or with `frontmatter` a whole file with its YAML block.
 * Throws the parser's message (with `line`, `column`, `reason`) when the text is not valid MDX,
 * and {@link NestingTooDeep} (the same fields) when it nests too deeply to parse safely.
 */
export function parseMdx(text: string, options: { frontmatter?: boolean } = {}): Root {
  return shallow((options.frontmatter ? file : body).parse(bounded(text)));
}

/**
 * `parseMdx` through Sätteri (the site's own, native parser; about five times faster): the same
 * tree with the same positions for valid MDX, and remark's parse, with its error message, for
 * anything Sätteri refuses. `kb check` reads every article with it before every build. Throws
 * {@link NestingTooDeep} like `parseMdx`.
 */
export function parseMdxFast(text: string, options: { frontmatter?: boolean } = {}): Root {
  bounded(text);
  let tree: Root;
  try {
    tree = mdxToMdast(text, { position: true, features: { gfm: false, frontmatter: options.frontmatter ?? false } }) as Root;
  } catch {
    return parseMdx(text, options);
  }
  return shallow(tree);
}

/** Parses plain Markdown, for reading what an invalid MDX body still holds (its links). */
export function parseMarkdown(text: string): Root {
  return shallow(markdown.parse(bounded(text, { elements: false })));
}

/**
 * The mdast of an MDX body as Sätteri (the site's own, native parser) reads it, with positions,
 * for readers that need the tree but not remark's error messages: `kb stale`'s link rules read
 * every article, and the agent site's health page runs them on every build, where remark was the
 * largest share of the build's time. The same nodes and positions as `parseMdx` (GFM off); a body
 * that is not valid MDX is read as plain Markdown, like `parseMarkdown`. Throws
 * {@link NestingTooDeep} before the native parser sees text it would crash on.
 */
export function readMdxTree(text: string): Root {
  bounded(text);
  try {
    return shallow(mdxToMdast(text, { position: true, features: { gfm: false } }) as Root);
  } catch (error) {
    if (error instanceof NestingTooDeep) throw error;
    return shallow(markdownToMdast(text, { position: true, features: { gfm: false } }) as Root);
  }
}
