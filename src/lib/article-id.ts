import { LANGS } from './levels.ts';

/**
 * An article's three addresses, in one place: its id `<lang>/<slug>`, its source file
 * `<contentDir>/articles/<lang>/<slug>.mdx` and its page `/<lang>/articles/<slug>/`.
 */

/** The folder below the content folder that holds one folder of articles per language. */
export const ARTICLES_FOLDER = 'articles';

/** Which files below {@link ARTICLES_FOLDER} are articles (kb check reads them all, and refuses `.md`). */
export const ARTICLE_GLOB = '**/*.{md,mdx}';

/** Which files the site builds: `.mdx` only (a `.md` file would render `<Internal>` as plain HTML). */
export const BUILT_ARTICLE_GLOB = '**/*.mdx';

const SOURCE_EXTENSION = /\.mdx?$/;

/** The id of an article file given by its path below {@link ARTICLES_FOLDER} (`en/x.mdx` -> `en/x`). */
export function articleIdOfEntry(entry: string): string {
  return entry.split('\\').join('/').replace(SOURCE_EXTENSION, '');
}

/** Whether a path names an article source file (`.md` or `.mdx`). */
export function isArticleSource(path: string): boolean {
  return SOURCE_EXTENSION.test(path);
}

/** The slug of an article: its id without the language folder. */
export function articleSlug(id: string): string {
  return id.split('/').slice(1).join('/') || id;
}

/** The language folder of an article id (`de/drucker` -> `de`). */
export function articleLangOf(id: string): string {
  return id.split('/')[0] ?? '';
}

/** The page of an article, from the site root: `/de/articles/drucker-reagiert-nicht/`. */
export function articleUrl(lang: string, slug: string): string {
  return `/${lang}/articles/${slug}/`;
}

/** The page of an article id: `de/drucker` -> `/de/articles/drucker/`. */
export function articleUrlOfId(id: string): string {
  return articleUrl(articleLangOf(id), articleSlug(id));
}

// `/<lang>/articles/<slug>/`: any two-letter language, so a link to a language the site does
// not have is still seen as an article link (and reported as missing, not ignored).
const ARTICLE_PATH = /^\/?([a-z]{2})\/articles\/(.+?)\/?$/;

/**
 * The article id of a site path (`/en/articles/x/` or `en/articles/x` -> `en/x`), or undefined
 * when the path is not an article page. The path has no query or anchor.
 */
export function articleIdOfPath(pathname: string): string | undefined {
  const match = ARTICLE_PATH.exec(pathname);
  return match ? `${match[1]}/${match[2]}` : undefined;
}

/** The article page that a URL starts with (`/en/articles/x/#y` -> `/en/articles/x/`), without query or anchor. */
export function articlePageOfUrl(url: string): string | undefined {
  return /^\/[a-z]{2}\/articles\/[^/#?]+\//.exec(url)?.[0];
}

const ARTICLE_PATH_IN_TEXT = new RegExp(`/(${LANGS.join('|')})/articles/([a-z0-9-]+)`, 'g');

/**
 * Article pages named anywhere in a text (ticket bodies: `see https://kb/en/articles/vpn-reset`),
 * as ids. Only the site's languages and slug characters count, so prose is not misread.
 */
export function articleIdsInText(text: string): string[] {
  if (!text.includes('/articles/')) return [];
  return [...text.matchAll(ARTICLE_PATH_IN_TEXT)].map((m) => `${m[1]}/${m[2]}`);
}
