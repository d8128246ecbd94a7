import { extractArticleLinks } from '../../links.ts';
import type { State } from '../../levels.ts';
import type { StaleArticle } from '../article.ts';
import type { StaleProvider, StaleReason } from '../reason.ts';
import { staleReason } from '../reason-text.ts';

/** What is known about every article file, including drafts and files with invalid frontmatter. */
export type LinkTargets = ReadonlyMap<string, { state?: State | undefined; title?: string | undefined }>;

/** A link from an article body to another article, placed in the file. */
export interface ArticleLink {
  url: string;
  target: string;
  line: number;
  column: number;
}

const cache = new WeakMap<StaleArticle, ArticleLink[]>();

/** Links to articles in an article's body, parsed once per article and shared by the link rules. */
export function articleLinks(article: StaleArticle): ArticleLink[] {
  let links = cache.get(article);
  if (!links) {
    links = extractArticleLinks(article.body, article.id).map((link) => ({
      url: link.url,
      target: link.target,
      line: link.line + article.bodyStartLine - 1,
      column: link.column,
    }));
    cache.set(article, links);
  }
  return links;
}

/**
 * `broken-link`: a link to an article file that does not exist, or to a draft (drafts are not
 * built, so the link is dead on the site).
 */
export function brokenLinkProvider(index: LinkTargets): StaleProvider<StaleArticle> {
  return ({ articles }) => {
    const result = new Map<string, StaleReason[]>();
    for (const article of articles) {
      const reasons: StaleReason[] = [];
      for (const link of articleLinks(article)) {
        const target = index.get(link.target);
        const problem = !target ? 'missing' : target.state === 'draft' ? 'draft' : undefined;
        if (problem) {
          const { url, line, column } = link;
          reasons.push(staleReason('broken-link', 'error', { problem, url, target: link.target, path: article.path, line, column }));
        }
      }
      if (reasons.length) result.set(article.id, reasons);
    }
    return result;
  };
}

/** `archived-linked`: the article links to an archived one; the reason names the archived article. */
export function archivedLinkedProvider(index: LinkTargets): StaleProvider<StaleArticle> {
  return ({ articles }) => {
    const result = new Map<string, StaleReason[]>();
    for (const article of articles) {
      if (article.data.state === 'archived') continue;
      const seen = new Set<string>();
      const reasons: StaleReason[] = [];
      for (const link of articleLinks(article)) {
        const target = index.get(link.target);
        if (target?.state !== 'archived' || seen.has(link.target)) continue;
        seen.add(link.target);
        reasons.push(
          staleReason('archived-linked', 'warning', {
            target: link.target,
            ...(target.title && { title: target.title }),
            line: link.line,
            column: link.column,
          }),
        );
      }
      if (reasons.length) result.set(article.id, reasons);
    }
    return result;
  };
}
