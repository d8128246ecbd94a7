import { defineMdastPlugin, type MdastPluginDefinition, type MdastVisitorContext } from 'satteri';
import type { Audience } from '../lib/levels.ts';
import { codeIn, type MdxNode } from '../lib/content/article-code.ts';
import { isInternalElement } from '../lib/content/internal-blocks.ts';

interface Positioned {
  position?: { start: { line: number; column: number } } | undefined;
}

/** A build error in the `line:col: message` form that Astro's MDX plugin turns into a file location. */
export class ArticleRefused extends Error {
  constructor(node: Positioned, rule: string, message: string, hint: string) {
    const start = node.position?.start ?? { line: 1, column: 1 };
    super(`${start.line}:${start.column}: ${message} [${rule}]\nhint: ${hint}`);
    this.name = 'ArticleRefused';
  }
}

/** True when an ancestor is an <Internal> element (removing the outermost one removes it all). */
function insideInternal(node: object, ctx: MdastVisitorContext): boolean {
  for (let parent = ctx.parent(node as never); parent; parent = ctx.parent(parent as never)) {
    if (isInternalElement(parent as { type: string; name?: string | null })) return true;
  }
  return false;
}

/**
 * The first step of rendering every article (a Sätteri mdast plugin that runs before Astro's own
 * plugins collect images and heading ids; src/lib/content/render-article.ts, and Astro's MDX
 * processor for any MDX that Vite would compile):
 * - refuses code: `import`/`export`, expressions, script elements, event handlers and URLs that
 *   the URL policy refuses, with the same findings `kb check` reports;
 * - for the public site, removes `<Internal>` elements, so their text, headings, images and links
 *   are gone before anything else reads the tree.
 */
export function articleGuard(options: { audience: Audience; urlSchemes: readonly string[] }): MdastPluginDefinition {
  const refuse = (node: MdxNode & Positioned) => {
    const [finding] = codeIn(node, options.urlSchemes);
    if (finding) throw new ArticleRefused(node, finding.rule, finding.message, finding.hint);
  };
  const element = (node: MdxNode & Positioned, ctx: MdastVisitorContext) => {
    refuse(node);
    if (options.audience === 'public' && isInternalElement(node) && !insideInternal(node, ctx)) ctx.removeNode(node as never);
  };
  return defineMdastPlugin({
    name: 'kb-article-guard',
    options: { position: true },
    mdxjsEsm: (node) => refuse(node as MdxNode & Positioned),
    mdxFlowExpression: (node) => refuse(node as MdxNode & Positioned),
    mdxTextExpression: (node) => refuse(node as MdxNode & Positioned),
    link: (node) => refuse(node as MdxNode & Positioned),
    image: (node) => refuse(node as MdxNode & Positioned),
    definition: (node) => refuse(node as MdxNode & Positioned),
    mdxJsxFlowElement: (node, ctx) => element(node as MdxNode & Positioned, ctx),
    mdxJsxTextElement: (node, ctx) => element(node as MdxNode & Positioned, ctx),
  });
}
