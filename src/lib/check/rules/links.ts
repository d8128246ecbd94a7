import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { articleUrlOfId } from '../../article-id.ts';
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

function isExternal(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
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
        if (link.kind !== 'link' || isExternal(link.url)) continue;
        const id = articleIdFromUrl(link.url, article.id);
        if (!id) continue;
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
        if (link.kind !== 'link' || isExternal(link.url)) continue;
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
        if (link.kind !== 'link' || link.internalOnly || isExternal(link.url)) continue;
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
        if (link.kind !== 'image' || isExternal(link.url) || link.url.startsWith('data:')) continue;
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
