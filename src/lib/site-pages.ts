import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { articleIdOfPath } from './article-id.ts';
import { LANGS, LEVELS, type Audience } from './levels.ts';
import { isBuilt } from './content/visibility.ts';
import type { ArticleData } from './schema/article.ts';

/**
 * The pages a built site has, known before it is built, so `kb check` can say what the build's
 * link check (src/lib/built-site/link-check.ts) would say about a link into the site. The routes
 * are those of src/pages/; a test builds the fixture site and holds this list to what was built.
 */
export interface SiteModel {
  audience: Audience;
  /** Ids of the articles built into this site (`en/printer-offline`). */
  articles: ReadonlySet<string>;
  /** Products and tags with at least one article in this site: each has its page. */
  products: ReadonlySet<string>;
  tags: ReadonlySet<string>;
  /** The project's public/ folder, copied as it is into every site. */
  publicDir: string;
}

/** The model of one site from the articles of a content folder (the build's own predicate decides which are in it). */
export function siteModelOf(articles: readonly { id: string; data: ArticleData | undefined }[], audience: Audience, publicDir: string): SiteModel {
  const built = articles.flatMap((a) => (a.data && isBuilt(a.data, audience) ? [{ id: a.id, data: a.data }] : []));
  return {
    audience,
    articles: new Set(built.map((a) => a.id)),
    products: new Set(built.map((a) => a.data.product)),
    tags: new Set(built.flatMap((a) => a.data.tags)),
    publicDir,
  };
}

const LANG = `(?:${LANGS.join('|')})`;
// pages that every site has, once per language
const COMMON = [new RegExp(`^/${LANG}/$`), new RegExp(`^/${LANG}/(?:products|tags|levels)/$`), new RegExp(`^/${LANG}/levels/(?:${LEVELS.join('|')})/$`)];
// files of every site that are not pages of src/pages/
const GENERATED = /^\/(?:404\.html|sitemap-index\.xml|sitemap-\d+\.xml|pagefind\/.+)$/;

/**
 * Whether a site path (no query or anchor, percent-decoded) is a page or file of the site, as a
 * static host serves it: `/en/products` finds `/en/products/index.html` like `/en/products/`.
 */
export function siteHasPath(model: SiteModel, requested: string): boolean {
  const path = requested.replace(/\/{2,}/g, '/').replace(/\/index\.html$/, '/');
  if (path === '/' || path === '') return true;
  const page = path.endsWith('/') || /\.[a-z0-9]+$/i.test(path.split('/').pop() ?? '') ? path : `${path}/`;
  if (COMMON.some((route) => route.test(page)) || GENERATED.test(path)) return true;
  const id = articleIdOfPath(page);
  if (id !== undefined) return model.articles.has(id);
  const named = new RegExp(`^/${LANG}/(products|tags)/([^/]+)/$`).exec(page);
  if (named) return (named[1] === 'products' ? model.products : model.tags).has(named[2] ?? '');
  if (model.audience === 'public' && new RegExp(`^/${LANG}/contact/$`).test(page)) return true;
  // the word list of "Did you mean" (src/pages/[lang]/search-terms.json.ts), on both sites
  if (new RegExp(`^/${LANG}/search-terms\\.json$`).test(path)) return true;
  if (model.audience === 'internal' && (new RegExp(`^/${LANG}/health/$`).test(page) || /^\/health\/stale\.(?:csv|json)$/.test(path))) return true;
  const file = join(model.publicDir, path);
  return file.startsWith(model.publicDir) && existsSync(file) && statSync(file).isFile();
}

/** The site path a relative link of an article page points at, percent-decoded; undefined when it is not well formed. */
export function sitePathOfLink(url: string, pageUrl: string): string | undefined {
  const path = url.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(new URL(path, `https://kb.invalid${pageUrl}`).pathname);
  } catch {
    return undefined;
  }
}
