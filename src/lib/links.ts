import { visitParents } from 'unist-util-visit-parents';
import type { Root } from 'mdast';
import { NestingTooDeep, readMdxTree } from './content/mdx.ts';
import { articleIdOfEntry, articleIdOfPath, articleUrlOfId, isArticleSource } from './article-id.ts';
import { isExternalUrl } from './url-policy.ts';

/** A link found in an article body, with its place in the body (1-based). */
export interface BodyLink {
  url: string;
  line: number;
  column: number;
}

type JsxAttribute = { type: string; name?: string; value?: unknown };

/** A link or image of an MDX tree: its target, where it starts, and whether only agents see it. */
export interface TreeLink {
  url: string;
  position: { line: number; column: number };
  /** Inside an <Internal> block: only the agent site shows it. */
  internalOnly: boolean;
  kind: 'link' | 'image';
}

function attribute(node: { attributes?: JsxAttribute[] }, name: string): string | undefined {
  const found = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}

/**
 * Every link and image of an MDX tree: Markdown links, link references' definitions, images,
 * `href` attributes of JSX elements and `src` of JSX `<img>`.
 */
export function linksInTree(tree: Root): TreeLink[] {
  const found: TreeLink[] = [];
  visitParents(tree, (node, ancestors) => {
    const internalOnly = ancestors.some(
      (a) => (a.type === 'mdxJsxFlowElement' || a.type === 'mdxJsxTextElement') && (a as { name?: string }).name === 'Internal',
    );
    const position = node.position?.start ?? { line: 1, column: 1 };
    if (node.type === 'link' || node.type === 'definition') found.push({ url: node.url, position, internalOnly, kind: 'link' });
    else if (node.type === 'image') found.push({ url: node.url, position, internalOnly, kind: 'image' });
    else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const jsx = node as unknown as { name: string | null; attributes: JsxAttribute[] };
      const href = attribute(jsx, 'href');
      if (href) found.push({ url: href, position, internalOnly, kind: 'link' });
      const src = jsx.name === 'img' ? attribute(jsx, 'src') : undefined;
      if (src) found.push({ url: src, position, internalOnly, kind: 'image' });
    }
  });
  return found;
}

/**
 * Every link target in an MDX body: Markdown links, link references' definitions and
 * `href` attributes of JSX elements. A body that is not valid MDX (kb check reports that)
 * is read as plain Markdown, so its links are still seen.
 */
export function extractLinks(body: string): BodyLink[] {
  let tree: Root;
  try {
    tree = readMdxTree(body);
  } catch (error) {
    // too deep to parse at all (kb check reports where): no links can be read from it
    if (error instanceof NestingTooDeep) return [];
    throw error;
  }
  return linksInTree(tree).flatMap((link) => (link.kind === 'link' ? [{ url: link.url, line: link.position.line, column: link.position.column }] : []));
}

// Link destinations as they appear in the text: `](url`, `]: url`, `href="url"`. Used only to
// decide whether a body needs a full parse; the parse decides what really is a link.
const CANDIDATE = /\]\(\s*<?([^\s)>]+)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)|href\s*=\s*["']([^"']+)/gm;

/**
 * Links to articles in a body. Parsing MDX is the expensive part of `kb stale` on a large
 * knowledge base, so bodies whose text holds no link destination that could be an article are
 * not parsed at all.
 */
export function extractArticleLinks(body: string, fromId: string): (BodyLink & { target: string })[] {
  let candidate = false;
  for (const match of body.matchAll(CANDIDATE)) {
    const url = match[1] ?? match[2] ?? match[3];
    if (url && articleIdFromUrl(url, fromId)) {
      candidate = true;
      break;
    }
  }
  if (!candidate) return [];
  return extractLinks(body).flatMap((link) => {
    const target = articleIdFromUrl(link.url, fromId);
    return target ? [{ ...link, target }] : [];
  });
}

const BASE = 'https://kb.invalid';

/**
 * The article id (`<lang>/<slug>`) a link points at, or undefined when it is not a link to an
 * article (external, mail, other site pages). Understands site URLs (`/en/articles/x/`),
 * URLs relative to the linking article's page (`../x/`) and source-file links (`./x.mdx`, `../de/y.mdx`).
 */
export function articleIdFromUrl(url: string, fromId: string): string | undefined {
  if (isExternalUrl(url) || url.startsWith('#') || url === '') return undefined;
  const path = url.replace(/[?#].*$/, '');
  let resolved: URL;
  try {
    resolved = isArticleSource(path) ? new URL(path, `${BASE}/${fromId}.mdx`) : new URL(path, `${BASE}${articleUrlOfId(fromId)}`);
  } catch {
    return undefined;
  }
  let pathname = resolved.pathname;
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    // a stray % is kept as written; the id then simply does not match an article
  }
  if (isArticleSource(path)) return articleIdOfEntry(pathname.slice(1));
  // as a static host serves it: `//` is one `/`, and `x/index.html` is the page `x/`
  return articleIdOfPath(pathname.replace(/\/{2,}/g, '/').replace(/\/index\.html$/, '/'));
}
