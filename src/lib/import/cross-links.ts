import type { Link, Parent, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { articlePageOfUrl } from '../article-id.ts';
import { placeOf, type IssueSink } from './issues.ts';

/** A link from one imported article to another, kept until every article's audience is known. */
export interface CrossLink {
  node: Link;
  parent: Parent;
  /** `/<lang>/articles/<slug>/`, without the anchor. */
  page: string;
}

/** Links to article pages (`/en/articles/x/#y`) in a converted tree. */
export function collectCrossLinks(tree: Root): CrossLink[] {
  const out: CrossLink[] = [];
  visit(tree, 'link', (node: Link, _index, parent: Parent | undefined) => {
    const page = articlePageOfUrl(node.url);
    if (page && parent) out.push({ node, parent, page });
  });
  return out;
}

/**
 * A public article may not link to an internal one (its page does not exist on the public
 * site). Such links lose the link and keep their text; each is reported at its source place.
 */
export function unlinkInternalTargets(links: readonly CrossLink[], internalPages: ReadonlySet<string>, sink: IssueSink): void {
  for (const { node, parent, page } of links) {
    if (!internalPages.has(page)) continue;
    const index = parent.children.indexOf(node);
    if (index < 0) continue;
    parent.children.splice(index, 1, ...(node.children as Parent['children']));
    sink.add(
      'link-to-internal',
      `Unexpected link from a public article to the internal \`${page}\`, expected public targets only (link removed, text kept)`,
      placeOf(node),
      'warning',
      'Make the target public, or put the sentence inside <Internal>.',
    );
  }
}
