import type { Lang } from '../levels.ts';

/**
 * From Pagefind hits to result cards: ranking by language, one card per translated article.
 *
 * Both sites search the page language's index with the other language's index merged in, so an
 * article that exists in one language only is still found. An article translated into both
 * languages would then be listed twice; it gets one card, in the preferred language (the page's,
 * or the one the language filter asks for), with a link to the other version.
 */

/**
 * Other-language hits count this much of their score: a German page outranks an English one on
 * /en/ only when it matches more than twice as well. Pagefind scores of the two indexes are on
 * the same scale (both BM25 over the same kind of pages), so equal matches keep the page language first.
 */
export const OTHER_LANGUAGE_WEIGHT = 0.5;

/** A hit before its data is loaded: Pagefind's page id (`en_6fceec9`: language prefix) and score. */
export interface Hit {
  id: string;
  score: number;
}

/** The language of a hit, from the prefix Pagefind gives the page ids of each language's index. */
export function hitLang(id: string): string {
  return id.slice(0, Math.max(0, id.indexOf('_')));
}

/** Hits in the order to show them: score, with other-language hits weighted down; stable for ties. */
export function rankHits<H extends Hit>(hits: readonly H[], preferred: Lang): H[] {
  const weight = (hit: H) => hit.score * (hitLang(hit.id) && hitLang(hit.id) !== preferred ? OTHER_LANGUAGE_WEIGHT : 1);
  return hits
    .map((hit, index) => ({ hit, index, weight: weight(hit) }))
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.hit);
}

/**
 * How many cards the hits make: each translation key counted by Pagefind's filter counts more than
 * once (both language versions matched) is one card.
 */
export function uniqueCount(hits: number, translationCounts: Readonly<Record<string, number>> | undefined): number {
  let duplicates = 0;
  for (const count of Object.values(translationCounts ?? {})) if (count > 1) duplicates += count - 1;
  return Math.max(0, hits - duplicates);
}

/** A page version a card can link to. */
export interface PageLink {
  url: string;
  title: string;
  lang: Lang;
}

/** A loaded hit: the page, its language and the key its translations share (if any). */
export interface ResultPage extends PageLink {
  translationKey?: string | undefined;
}

export interface ResultGroup<P extends ResultPage> {
  /** The translation key, or the URL for an article without translations. */
  key: string;
  /** The loaded hits of this article, best first. */
  members: P[];
}

/** Loaded hits (in rank order) grouped by article: the language versions of one article share a group. */
export function groupResults<P extends ResultPage>(pages: readonly P[]): ResultGroup<P>[] {
  const groups = new Map<string, ResultGroup<P>>();
  for (const page of pages) {
    const key = page.translationKey ? `translation:${page.translationKey}` : `url:${page.url}`;
    const group = groups.get(key);
    if (group) group.members.push(page);
    else groups.set(key, { key, members: [page] });
  }
  return [...groups.values()];
}

/** A translated article of which only one language version matched: its other version must be looked up. */
export function missingTranslation<P extends ResultPage>(group: ResultGroup<P>): string | undefined {
  const first = group.members[0];
  if (!first?.translationKey) return undefined;
  return group.members.every((m) => m.lang === first.lang) ? first.translationKey : undefined;
}

export interface Card<P extends ResultPage> {
  /** Where the title links: the version in the preferred language when there is one. */
  main: PageLink;
  /** The matched page the excerpt (and, when it is `main`, the heading links) come from. */
  source: P;
  /** The excerpt and heading links belong to the page the title links to. */
  sourceIsMain: boolean;
  /** The article's version in the other language, for the "also in …" link. */
  other?: PageLink | undefined;
}

/**
 * The card of one article. `found` is the version looked up when only one language matched
 * (see missingTranslation); the preferred language's version becomes the title link either way.
 */
export function cardFor<P extends ResultPage>(group: ResultGroup<P>, preferred: Lang, found?: PageLink): Card<P> {
  const first = group.members[0];
  if (!first) throw new Error(`empty result group ${group.key}`);
  const versions: PageLink[] = [...group.members, ...(found ? [found] : [])];
  const main = versions.find((v) => v.lang === preferred) ?? first;
  const source = group.members.find((m) => m.lang === main.lang) ?? first;
  const other = versions.find((v) => v.lang !== main.lang);
  return {
    main: { url: main.url, title: main.title, lang: main.lang },
    source,
    sourceIsMain: source.url === main.url,
    other: other && { url: other.url, title: other.title, lang: other.lang },
  };
}

/** One search's results as far as they are loaded: ranked hits, and the pages loaded so far (in hit order). */
export interface LoadedResults<H extends Hit, P extends ResultPage> {
  hits: readonly H[];
  /** How many hits (from the start) are loaded into `pages`. */
  loaded: number;
  pages: P[];
  /** Cards all hits make (uniqueCount). */
  total: number;
  preferred: Lang;
}

/**
 * The first `cards` cards: loads hits in order until there are that many articles (the language
 * versions of one article make one card, so a page of cards can take more hits than cards), then
 * looks up the other version of translated articles of which only one version matched.
 * `more`: there are cards after these.
 */
export async function loadCards<H extends Hit, P extends ResultPage>(
  results: LoadedResults<H, P>,
  cards: number,
  load: (hit: H) => Promise<P>,
  lookUp: (translationKey: string, matched: P) => Promise<PageLink | undefined>,
): Promise<{ shown: Card<P>[]; more: boolean }> {
  let groups = groupResults(results.pages);
  while (groups.length < cards && results.loaded < results.hits.length) {
    const batch = results.hits.slice(results.loaded, results.loaded + cards - groups.length);
    results.loaded += batch.length;
    results.pages.push(...(await Promise.all(batch.map(load))));
    groups = groupResults(results.pages);
  }
  const page = groups.slice(0, cards);
  const found = await Promise.all(
    page.map((group) => {
      const key = missingTranslation(group);
      return key && group.members[0] ? lookUp(key, group.members[0]) : undefined;
    }),
  );
  const shown = page.map((group, i) => cardFor(group, results.preferred, found[i]));
  // more: loaded cards not shown yet, or hits not loaded that are not all partners of shown cards
  const more = groups.length > shown.length || (results.loaded < results.hits.length && shown.length < results.total);
  return { shown, more };
}
