import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';

// The one configuration of the MDX parser that kb check, kb stale and kb import read articles
// with (kb stale's link rules read the same tree faster with Sätteri: `readMdxTree` below).
// GFM is left out on purpose: it doubles the parse time and none of the readers needs its nodes
// (tables, footnotes and autolinks hold the same links as plain Markdown), and it does not change
// whether a file is valid MDX. remark-frontmatter keeps the YAML block as one node, so a
// whole file can be parsed and every position in the tree is a file position.
const body = unified().use(remarkParse).use(remarkMdx);
const file = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']);
const markdown = unified().use(remarkParse);

/**
 * Parses MDX: an article body, or with `frontmatter` a whole file with its YAML block.
 * Throws the parser's message (with `line`, `column`, `reason`) when the text is not valid MDX.
 */
export function parseMdx(text: string, options: { frontmatter?: boolean } = {}): Root {
  return (options.frontmatter ? file : body).parse(text);
}

/**
 * `parseMdx` through Sätteri (the site's own, native parser; about five times faster): the same
 * tree with the same positions for valid MDX, and remark's parse, with its error message, for
 * anything Sätteri refuses. `kb check` reads every article with it before every build.
 */
export function parseMdxFast(text: string, options: { frontmatter?: boolean } = {}): Root {
  try {
    return mdxToMdast(text, { position: true, features: { gfm: false, frontmatter: options.frontmatter ?? false } }) as Root;
  } catch {
    return parseMdx(text, options);
  }
}

/** Parses plain Markdown, for reading what an invalid MDX body still holds (its links). */
export function parseMarkdown(text: string): Root {
  return markdown.parse(text);
}

/**
 * The mdast of an MDX body as Sätteri (the site's own, native parser) reads it, with positions,
 * for readers that need the tree but not remark's error messages: `kb stale`'s link rules read
 * every article, and the agent site's health page runs them on every build, where remark was the
 * largest share of the build's time. The same nodes and positions as `parseMdx` (GFM off); a body
 * that is not valid MDX is read as plain Markdown, like `parseMarkdown`.
 */
export function readMdxTree(text: string): Root {
  try {
    return mdxToMdast(text, { position: true, features: { gfm: false } }) as Root;
  } catch {
    return markdownToMdast(text, { position: true, features: { gfm: false } }) as Root;
  }
}
