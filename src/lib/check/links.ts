import { linksInTree, type TreeLink } from '../links.ts';
import type { CheckedArticle } from './types.ts';

// four rules read every article's links: the tree is walked once per article
const cache = new WeakMap<CheckedArticle, TreeLink[]>();

/** Every link and image of an article body, with its place and whether it is agent-only. */
export function linksOf(article: CheckedArticle): TreeLink[] {
  if (!article.tree) return [];
  let links = cache.get(article);
  if (!links) cache.set(article, (links = linksInTree(article.tree)));
  return links;
}
