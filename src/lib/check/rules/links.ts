import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { articleUrlOfId, isArticleSource } from '../../article-id.ts';
import type { Audience } from '../../levels.ts';
import { siteHasPath, siteModelOf, sitePathOfLink } from '../../site-pages.ts';
import { isExternalUrl } from '../../url-policy.ts';
import { articleIdFromUrl } from '../../links.ts';
import { closest, createSuggester } from '../../suggest.ts';
import { linksOf } from '../links.ts';
import type { CheckContext, CheckedArticle, Rule } from '../types.ts';

function anchorOf(url: string): string | undefined {
  const hash = url.split('#')[1];
  if (hash === undefined) return undefined;
  try {
    return decodeURIComponent(hash);
  } catch {
    return hash;
  }
}

/** A link to an article's source file (`./x.mdx`): the site has only the page. */
function isSourceLink(url: string): boolean {
  return isArticleSource(url.replace(/[?#].*$/, ''));
}

/**
 * A relative link that lands below the linking article's own page (`TODO`, `link`, `image.png`)
 * and names no article: a placeholder or a file, not an article link. unknown-page reports it.
 */
function belowOwnPage(context: CheckContext, article: CheckedArticle, url: string, id: string): boolean {
  return !url.startsWith('/') && id.startsWith(`${article.id}/`) && !context.byId.has(id);
}

function target(context: CheckContext, article: CheckedArticle, url: string): CheckedArticle | undefined {
  const id = articleIdFromUrl(url, article.id);
  return id ? context.byId.get(id) : undefined;
}

export const brokenLink: Rule = {
  id: 'broken-link',
  severity: 'error',
  description: 'Links to other articles must point at an article that is built (not missing, not a draft).',
  check(context, report) {
    // a large knowledge base has thousands of ids to suggest from
    const suggest = createSuggester([...context.byId.keys()]);
    for (const article of context.articles) {
      for (const link of linksOf(article)) {
        if (link.kind !== 'link' || isExternalUrl(link.url)) continue;
        const id = articleIdFromUrl(link.url, article.id);
        if (!id || isSourceLink(link.url) || belowOwnPage(context, article, link.url, id)) continue;
        const found = context.byId.get(id);
        if (found && found.data?.state !== 'draft') continue;
        const suggestion = found ? undefined : suggest(id);
        report(
          article,
          link.position,
          found
            ? `Unexpected link to draft \`${id}\`, expected a published article`
            : `Unexpected link to missing article \`${id}\`${suggestion ? ` (did you mean \`${articleUrlOfId(suggestion)}\`?)` : ''}, expected an existing article`,
          'Link articles by their site path: /<lang>/articles/<slug>/ (the file name without .mdx).',
        );
      }
    }
  },
};

export const brokenAnchor: Rule = {
  id: 'broken-anchor',
  severity: 'error',
  description: 'Links to a heading (#anchor) must match a heading of the target article, in its language.',
  check(context, report) {
    for (const article of context.articles) {
      for (const link of linksOf(article)) {
        if (link.kind !== 'link' || isExternalUrl(link.url)) continue;
        const anchor = anchorOf(link.url);
        if (!anchor) continue;
        const destination = link.url.startsWith('#') ? article : target(context, article, link.url);
        if (!destination?.tree || destination.anchors.has(anchor)) continue;
        const suggestion = closest(anchor, destination.anchors);
        report(
          article,
          link.position,
          `Unexpected anchor \`#${anchor}\` in \`${destination.id}\`${suggestion ? ` (did you mean \`#${suggestion}\`?)` : ''}, expected one of its headings`,
          'Anchors are the heading text in lower case with spaces as hyphens; German headings keep their umlauts (#lösung).',
        );
      }
    }
  },
};

export const linkToInternal: Rule = {
  id: 'link-to-internal',
  severity: 'error',
  description: 'A public article may link to an internal one only inside <Internal> (the public site does not have it).',
  check(context, report) {
    for (const article of context.articles) {
      if (article.data?.audience !== 'public') continue;
      for (const link of linksOf(article)) {
        if (link.kind !== 'link' || link.internalOnly || isExternalUrl(link.url)) continue;
        const found = target(context, article, link.url);
        if (found?.data?.audience !== 'internal') continue;
        report(
          article,
          link.position,
          `Unexpected link from a public article to internal \`${found.id}\`, expected a public article`,
          'Customers would get a 404: move the link into an <Internal> block, or link a public article.',
        );
      }
    }
  },
};

export const missingImage: Rule = {
  id: 'missing-image',
  severity: 'error',
  description: 'Images must exist: relative to the article, or below public/ for site paths.',
  check(context, report) {
    for (const article of context.articles) {
      for (const link of linksOf(article)) {
        if (link.kind !== 'image' || isExternalUrl(link.url) || link.url.startsWith('data:')) continue;
        const path = decodeURI(link.url.split(/[?#]/)[0] ?? '');
        const file = path.startsWith('/') ? join(context.root, 'public', path) : resolve(dirname(article.file), path);
        if (existsSync(file)) continue;
        report(
          article,
          link.position,
          `Unexpected image \`${link.url}\`, expected an existing file (${file.replace(`${context.root}/`, '')})`,
          'Put images next to the article (./images/x.png) or in public/ (/images/x.png).',
        );
      }
    }
  },
};

export const unknownPage: Rule = {
  id: 'unknown-page',
  severity: 'error',
  description: "Relative links must lead to a page or file of every site that shows them (the build's link check refuses the rest).",
  check(context, report) {
    const publicDir = join(context.root, 'public');
    const models = { public: siteModelOf(context.articles, 'public', publicDir), internal: siteModelOf(context.articles, 'internal', publicDir) };
    for (const article of context.articles) {
      const page = articleUrlOfId(article.id);
      for (const link of linksOf(article)) {
        if (link.kind !== 'link' || isExternalUrl(link.url) || link.url.startsWith('#') || link.url === '') continue;
        const id = articleIdFromUrl(link.url, article.id);
        if (isSourceLink(link.url)) {
          report(
            article,
            link.position,
            `Unexpected link to the source file \`${link.url}\`, expected ${id && context.byId.has(id) ? `the article's page \`${articleUrlOfId(id)}\`` : 'the page of an existing article'}`,
            'The site has pages, not .mdx files: link an article by its site path /<lang>/articles/<slug>/.',
          );
          continue;
        }
        // links to articles are broken-link's and link-to-internal's
        if (id !== undefined && !belowOwnPage(context, article, link.url, id)) continue;
        const path = sitePathOfLink(link.url, page);
        // the public site shows a public article's links outside <Internal>; the agent site shows all
        const sites: Audience[] = article.data?.audience === 'public' && !link.internalOnly ? ['public', 'internal'] : ['internal'];
        const missing = path === undefined ? sites : sites.filter((site) => !siteHasPath(models[site], path));
        if (!missing.length) continue;
        report(
          article,
          link.position,
          path === undefined
            ? `Unexpected link \`${link.url}\` that is not a well-formed address, expected a page of the site or a full URL`
            : `Unexpected link to \`${link.url}\`${link.url === path ? '' : ` (\`${path}\`)`}, expected a page of the ${missing.length === 2 ? 'public and the agent site' : missing[0] === 'public' ? 'public site' : 'agent site'}`,
          path !== undefined && missing.length === 1 && missing.length < sites.length
            ? missing[0] === 'public'
              ? 'The page exists only on the agent site, where customers cannot follow the link: move it into an <Internal> block.'
              : 'The page exists only on the public site (the agent site has no such page): link it with its full https:// address.'
            : 'Link site pages by their path (/en/products/printing/, /de/tags/vpn/) or write a full https:// address; a placeholder such as TODO is a broken link.',
        );
      }
    }
  },
};
