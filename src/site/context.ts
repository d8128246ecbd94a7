import { getCollection, type CollectionEntry } from 'astro:content';
import { relative, resolve, sep } from 'node:path';
import type { SiteOptions, SiteSettings } from '../lib/config.ts';
import { isLang, type Lang } from '../lib/levels.ts';
import { readTaxonomy } from '../lib/content/taxonomy.ts';
import type { Taxonomy } from '../lib/schema/taxonomy.ts';
import { Vocabulary } from '../lib/search/decompound.ts';
import { readSynonyms, synonymIndex } from '../lib/search/synonyms.ts';
import type { SearchTermContext } from '../lib/search/terms.ts';
import { createRelationIndex } from '../lib/articles.ts';

export type Article = CollectionEntry<'articles'>;

/** The settings of this build, set once by the kb integration: the only way they reach the pages. */
export const settings: SiteSettings = import.meta.env.KB_SETTINGS;
/** Which site this build makes. */
export const audience = settings.audience;
export const isInternal = audience === 'internal';
export const repository = settings.repository;
export const branch = settings.branch;
/** Feedback endpoint, contact channel and edit links from the kb() options. */
export const siteOptions: SiteOptions = settings.site;
/** "Edit this article" appears on this site? */
export const showEditLinks = siteOptions.editLinks === 'both' || (siteOptions.editLinks === 'internal' && isInternal);

let articles: Promise<Article[]> | undefined;
/** Every article of this site (drafts and, on the public site, internal articles never get here). */
export function allArticles(): Promise<Article[]> {
  articles ??= getCollection('articles');
  return articles;
}

let index: Promise<ReturnType<typeof createRelationIndex<Article>>> | undefined;
/** Translations and related articles, indexed once per build. */
export function articleIndex() {
  index ??= allArticles().then((articles) => createRelationIndex(articles));
  return index;
}

let searchContexts: Promise<Record<Lang, SearchTermContext>> | undefined;
/**
 * What the build derives hidden search words from, per language: the vocabulary of this
 * site's German articles (the public site sees public text only: the loader cut the rest) for
 * compound splitting, and the synonym groups of content/synonyms.yaml.
 */
export function searchTermContexts(): Promise<Record<Lang, SearchTermContext>> {
  searchContexts ??= allArticles().then((articles) => {
    const vocabulary = new Vocabulary(articles.filter((a) => a.data.lang === 'de').map((a) => `${a.data.title} ${a.data.summary} ${a.body ?? ''}`));
    const synonyms = readSynonyms(settings.contentDir);
    return { de: { vocabulary, synonyms: synonymIndex(synonyms, 'de') }, en: { vocabulary, synonyms: synonymIndex(synonyms, 'en') } };
  });
  return searchContexts;
}

let taxonomy: Taxonomy | undefined;
export function siteTaxonomy(): Taxonomy {
  taxonomy ??= readTaxonomy(settings.contentDir);
  return taxonomy;
}

/** A site-root-relative path with the configured base (`/docs/` when deployed below a folder). */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${path.replace(/^\//, '')}`;
}

/** The repository link that opens an article's source in the web editor. */
export function editUrl(article: Article): string {
  // filePath is relative to Astro's root, which `npm run build` sets to a folder per site
  const file = article.filePath
    ? relative(settings.root, resolve(settings.astroRoot ?? settings.root, article.filePath))
        .split(sep)
        .join('/')
    : `content/articles/${article.id}.mdx`;
  return `${repository}/edit/${branch}/${file}`;
}

/** The web-editor link of a file given relative to the project root (`content/articles/en/x.mdx`). */
export function editUrlOfPath(path: string): string {
  return `${repository}/edit/${branch}/${path}`;
}

/** The page language, from the first path segment after the base (`/de/...`). */
export function pageLang(url: URL): Lang {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const first = url.pathname.slice(base.length).split('/')[1];
  return isLang(first) ? first : 'en';
}

/**
 * Where an agent reaches an article's owner: the `ownerContact` template of kb() with `{owner}`
 * (the handle without @) and `{article}`, else a new issue in the repository that mentions them.
 */
export function ownerUrl(article: Article): string {
  const owner = article.data.owner;
  const template = siteOptions.ownerContact;
  if (template) return template.replace(/\{(owner|article)\}/g, (_, key: string) => encodeURIComponent(key === 'owner' ? owner.replace(/^@/, '') : article.id));
  return `${repository}/issues/new?title=${encodeURIComponent(`[${article.id}] `)}&body=${encodeURIComponent(`${owner} `)}`;
}
