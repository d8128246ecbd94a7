import { articleSlug, articleUrl } from './article-id.ts';
import type { Lang, Level } from './levels.ts';

/** The fields of an article that site helpers work with; the content collection and the scripts both provide them. */
export interface ArticleRef {
  /** `<lang>/<slug>`: the path below content/articles without extension. */
  id: string;
  data: {
    title: string;
    summary: string;
    level: Level;
    lang: Lang;
    product: string;
    tags: string[];
    error_codes: string[];
    state: 'draft' | 'validated' | 'archived';
    translation_key?: string | undefined;
    reviewed?: Date | undefined;
  };
}

export { articleSlug };

/** Site path of an article, relative to the site root (`de/articles/drucker-reagiert-nicht/`). */
export function articlePath(article: Pick<ArticleRef, 'id' | 'data'>): string {
  return articleUrl(article.data.lang, articleSlug(article.id)).slice(1);
}

/** The same article in other languages: same `translation_key`, different language. */
export function translationsOf<T extends ArticleRef>(article: T, all: readonly T[]): T[] {
  const key = article.data.translation_key;
  if (!key) return [];
  return all.filter((other) => other.data.translation_key === key && other.data.lang !== article.data.lang);
}

/**
 * Related articles in the same language, scored by what they share: error codes weigh most,
 * then tags, then product. Archived articles and translations of the article itself are left out.
 */
export function relatedArticles<T extends ArticleRef>(article: T, all: readonly T[], limit = 4): T[] {
  // only the best `limit` are kept, in order: with 10,000 articles every article has hundreds of
  // candidates (all of its product), and sorting them all by title cost more than building a page
  const top: { other: T; score: number }[] = [];
  if (limit <= 0) return [];
  const before = (a: { other: T; score: number }, b: { other: T; score: number }) =>
    a.score > b.score || (a.score === b.score && titleOrder.compare(a.other.data.title, b.other.data.title) < 0);
  for (const other of all) {
    if (other.id === article.id || other.data.lang !== article.data.lang) continue;
    if (other.data.state === 'archived') continue;
    if (article.data.translation_key && other.data.translation_key === article.data.translation_key) continue;
    const codes = other.data.error_codes.filter((c) => article.data.error_codes.includes(c)).length;
    const tags = other.data.tags.filter((t) => article.data.tags.includes(t)).length;
    const product = other.data.product === article.data.product ? 1 : 0;
    const score = codes * 4 + tags * 2 + product;
    if (score <= 0) continue;
    const entry = { other, score };
    if (top.length === limit && !before(entry, top[limit - 1]!)) continue;
    let at = top.length;
    while (at > 0 && before(entry, top[at - 1]!)) at--;
    top.splice(at, 0, entry);
    if (top.length > limit) top.pop();
  }
  return top.map((s) => s.other);
}

/** Title order for ties between related articles (the same order as `localeCompare`). */
const titleOrder = new Intl.Collator();

/** Articles sorted for lists: level, then title in the language's collation. */
export function sortForList<T extends ArticleRef>(articles: readonly T[], lang: Lang): T[] {
  const collator = new Intl.Collator(lang);
  return [...articles].sort((a, b) => a.data.level - b.data.level || collator.compare(a.data.title, b.data.title));
}

/**
 * Translations and related articles for every page of a build: the lookups are indexed once,
 * so a site of 5,000 articles does not compare every article with every other one per page.
 * Related articles are scored by walking the article's error-code and tag lists (4 and 2 points
 * per shared one); articles that share only the product (1 point) come, when there are not enough
 * others, from one title-sorted list per product: the same result as `relatedArticles`.
 */
export function createRelationIndex<T extends ArticleRef>(all: readonly T[]) {
  const byKey = new Map<string, T[]>();
  const byFacet = new Map<string, T[]>();
  const add = (map: Map<string, T[]>, key: string, article: T) => {
    const list = map.get(key);
    if (list) list.push(article);
    else map.set(key, [article]);
  };
  for (const article of all) {
    if (article.data.translation_key) add(byKey, article.data.translation_key, article);
    const lang = article.data.lang;
    add(byFacet, `${lang} product ${article.data.product}`, article);
    for (const tag of article.data.tags) add(byFacet, `${lang} tag ${tag}`, article);
    for (const code of article.data.error_codes) add(byFacet, `${lang} code ${code}`, article);
  }
  // every article's place in `all`, and in title order (equal titles share a rank): comparing
  // numbers per candidate instead of collating titles
  const position = new Map(all.map((article, i) => [article, i]));
  const rank = new Map<T, number>();
  let previous: T | undefined;
  for (const article of [...all].sort((a, b) => titleOrder.compare(a.data.title, b.data.title))) {
    rank.set(article, previous && titleOrder.compare(previous.data.title, article.data.title) === 0 ? rank.get(previous)! : rank.size);
    previous = article;
  }
  const sortKey = new Map(all.map((article) => [article, rank.get(article)! * all.length + position.get(article)!]));
  const order = (a: T, b: T) => sortKey.get(a)! - sortKey.get(b)!;
  const byTitle = new Map<string, T[]>();
  const sortedProduct = (key: string) => {
    let list = byTitle.get(key);
    if (!list) {
      list = [...(byFacet.get(key) ?? [])].sort(order);
      byTitle.set(key, list);
    }
    return list;
  };
  return {
    translationsOf: (article: T): T[] => (article.data.translation_key ? translationsOf(article, byKey.get(article.data.translation_key) ?? []) : []),
    relatedArticles: (article: T, limit = 4): T[] => {
      if (limit <= 0) return [];
      const { lang, product, translation_key: key } = article.data;
      const eligible = (other: T) => other.id !== article.id && other.data.state !== 'archived' && !(key && other.data.translation_key === key);
      const scored = new Map<T, number>();
      const facets = [...new Set(article.data.tags)].map((tag) => ({ facet: `${lang} tag ${tag}`, weight: 2 }));
      facets.push(...[...new Set(article.data.error_codes)].map((code) => ({ facet: `${lang} code ${code}`, weight: 4 })));
      for (const { facet, weight } of facets) {
        for (const other of byFacet.get(facet) ?? []) if (eligible(other)) scored.set(other, (scored.get(other) ?? 0) + weight);
      }
      type Ranked = { other: T; points: number };
      // equal points and titles keep the order of `all`, as in the plain helper
      const before = (a: Ranked, b: Ranked) => (a.points !== b.points ? a.points > b.points : order(a.other, b.other) < 0);
      const top: Ranked[] = [];
      for (const [other, points] of scored) {
        const entry = { other, points: points + (other.data.product === product ? 1 : 0) };
        if (top.length === limit && !before(entry, top[limit - 1]!)) continue;
        let at = top.length;
        while (at > 0 && before(entry, top[at - 1]!)) at--;
        top.splice(at, 0, entry);
        if (top.length > limit) top.pop();
      }
      const related = top.map((r) => r.other);
      // the rest share only the product (1 point): in title order
      for (const other of sortedProduct(`${lang} product ${product}`)) {
        if (related.length >= limit) break;
        if (eligible(other) && !scored.has(other)) related.push(other);
      }
      return related;
    },
  };
}
