import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { NestingTooDeep, parseMdxFast } from '../content/mdx.ts';
import { nestingHint } from '../content/nesting.ts';
import type { ParsedArticle, Position } from '../content/parse-article.ts';

export interface BodyParse {
  tree: Root | undefined;
  /** The MDX syntax error with its file position, when the body does not parse. */
  error?: { message: string; position: Position; hint?: string };
}

/** Parses an article as MDX with its frontmatter; positions in the tree are file positions. */
export function parseBody(article: ParsedArticle): BodyParse {
  // a file whose frontmatter is not closed is parsed from its body only (the YAML rules report it)
  // (parseArticle gives such a file no body: all of it went to the YAML)
  const whole = article.yaml !== undefined && article.bodyStartLine > 1 && article.body !== '';
  const offset = whole ? 0 : article.bodyStartLine - 1;
  try {
    const tree = parseMdxFast(whole ? article.source : article.body, { frontmatter: true });
    if (offset) {
      visit(tree, (node) => {
        if (node.position) {
          node.position.start.line += offset;
          node.position.end.line += offset;
        }
      });
    }
    return { tree };
  } catch (error) {
    if (error instanceof NestingTooDeep)
      return {
        tree: undefined,
        error: { message: error.reason, position: { line: error.line + offset, column: error.column }, hint: nestingHint(error.kind) },
      };
    const cause = error as {
      reason?: string;
      message: string;
      line?: number;
      column?: number;
      place?: { line?: number; column?: number; start?: { line: number; column: number } };
    };
    const place = cause.place && 'start' in cause.place && cause.place.start ? cause.place.start : cause.place;
    let line = (place as { line?: number } | undefined)?.line ?? cause.line ?? 1;
    let column = (place as { column?: number } | undefined)?.column ?? cause.column ?? 1;
    let message = cause.reason ?? cause.message;
    // "Expected a closing tag for `<Callout>` (14:1-14:21)": the range in the text is the place
    // that matters (the opening tag); the error's own place is the end of its parent
    const range = / \((\d+):(\d+)-(\d+):(\d+)\)/.exec(message);
    if (range) {
      line = Number(range[1]);
      column = Number(range[2]);
      message = message.replace(range[0], '');
    }
    return { tree: undefined, error: { message, position: { line: line + offset, column } } };
  }
}

/**
 * Link targets in an article as the site makes them: heading ids (github-slugger over each
 * heading's text, in order) and explicit `id` attributes of JSX/HTML elements (`<a id="x" />`).
 */
export function headingAnchors(tree: Root | undefined): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  if (!tree) return anchors;
  visit(tree, (node) => {
    if (node.type === 'heading') anchors.add(slugger.slug(toString(node)));
    else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const id = (node as { attributes: { type: string; name?: string; value?: unknown }[] }).attributes.find(
        (a) => a.type === 'mdxJsxAttribute' && a.name === 'id',
      );
      if (typeof id?.value === 'string') anchors.add(id.value);
    }
  });
  return anchors;
}
