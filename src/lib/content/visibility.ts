import type { Audience } from '../levels.ts';

interface Visible {
  audience: Audience;
  state: 'draft' | 'validated' | 'archived';
}

/**
 * Whether an article is built into a site. Drafts are never built; internal articles only into
 * the agent site. This one predicate guards the public site, so it is tested on its own.
 */
export function isBuilt(article: Visible, site: Audience): boolean {
  if (article.state === 'draft') return false;
  return site === 'internal' || article.audience === 'public';
}

/** Whether a built article goes into the search index: archived ones stay reachable but unsearched. */
export function isSearchable(article: Visible): boolean {
  return article.state === 'validated';
}
