import { LANGS, type Lang } from '../lib/levels.ts';
import type { Article } from './context.ts';

/** `getStaticPaths` result for pages that exist once per UI language. */
export function langPaths() {
  return LANGS.map((lang) => ({ params: { lang } }));
}

/** Languages that have at least one article in this site. */
export function articleLanguages(articles: Article[]): Lang[] {
  return LANGS.filter((lang) => articles.some((a) => a.data.lang === lang));
}

/**
 * The articles to list on a page in `lang`: those in the language first, then those that exist
 * only in the other language (no translation), so nothing is hidden from either UI.
 */
export function listFor(articles: Article[], lang: Lang): { own: Article[]; otherOnly: Article[] } {
  const own = articles.filter((a) => a.data.lang === lang);
  const keys = new Set(own.map((a) => a.data.translation_key).filter(Boolean));
  const otherOnly = articles.filter((a) => a.data.lang !== lang && !(a.data.translation_key && keys.has(a.data.translation_key)));
  return { own, otherOnly };
}
