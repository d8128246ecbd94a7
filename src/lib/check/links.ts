import { visitParents } from 'unist-util-visit-parents';
import type { Position } from '../content/parse-article.ts';
import type { CheckedArticle } from './types.ts';

export interface FoundLink {
  url: string;
  position: Position;
  /** Inside an <Internal> block: only the agent site shows it. */
  internalOnly: boolean;
  kind: 'link' | 'image';
}

function attribute(node: { attributes?: { type: string; name?: string; value?: unknown }[] }, name: string): string | undefined {
  const found = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}

/** Every link and image of an article body, with its place and whether it is agent-only. */
export function linksOf(article: CheckedArticle): FoundLink[] {
  if (!article.tree) return [];
  const found: FoundLink[] = [];
  visitParents(article.tree, (node, ancestors) => {
    const internalOnly = ancestors.some((a) => (a.type === 'mdxJsxFlowElement' || a.type === 'mdxJsxTextElement') && (a as { name?: string }).name === 'Internal');
    const position = node.position?.start ?? { line: 1, column: 1 };
    if (node.type === 'link' || node.type === 'definition') found.push({ url: node.url, position, internalOnly, kind: 'link' });
    else if (node.type === 'image') found.push({ url: node.url, position, internalOnly, kind: 'image' });
    else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const jsx = node as unknown as { name: string | null; attributes: { type: string; name?: string; value?: unknown }[] };
      const href = attribute(jsx, 'href');
      if (href) found.push({ url: href, position, internalOnly, kind: 'link' });
      const src = jsx.name === 'img' ? attribute(jsx, 'src') : undefined;
      if (src) found.push({ url: src, position, internalOnly, kind: 'image' });
    }
  });
  return found;
}
