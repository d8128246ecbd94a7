import { isLang, type Lang } from '../levels.ts';
import { contentWords, titleEnd, visibleExcerpt, type Excerpt } from './excerpt.ts';
import type { Fragment } from './pagefind-types.ts';
import type { ResultPage } from './result-cards.ts';

/** Heading links shown under a result at most. */
export const MAX_SECTIONS = 3;

/** A loaded hit, ready for a card. */
export interface LoadedPage extends ResultPage {
  level: string;
  product: string;
  audience?: string | undefined;
  excerpt: Excerpt;
  /** The headings whose sections matched in visible words, in page order. */
  sections: { title: string; url: string }[];
}

/** A result URL as a link on this site: a path when it is on the page's origin (merged indexes give absolute URLs). */
export function localHref(url: string, pageUrl: string): string {
  const target = new URL(url, pageUrl);
  const page = new URL(pageUrl);
  return target.origin === page.origin ? `${target.pathname}${target.search}${target.hash}` : target.href;
}

/** The page of one Pagefind result: language, article, clean excerpt and matched headings. */
export function resultPage(fragment: Fragment, hitLang: string, pageUrl: string): LoadedPage {
  const filterValue = (key: string) => fragment.filters[key]?.[0];
  const language = filterValue('language') ?? hitLang;
  const lang: Lang = isLang(language) ? language : 'en';
  const title = fragment.meta['title'] ?? '';
  const matches = fragment.weighted_locations.map((l) => ({ location: l.location, score: l.balanced_score }));
  // the content starts with the title, which the card shows as its link; the summary follows it
  const excerpt = visibleExcerpt(fragment.content, matches, { visibleFrom: titleEnd(contentWords(fragment.content), title) });

  // the headings whose sections matched, the strongest ones, in page order
  const sections = fragment.sub_results
    .map((sub, order) => ({ sub, order, score: sub.weighted_locations.reduce((sum, l) => sum + l.balanced_score, 0) }))
    .filter(({ sub, score }) => sub.anchor && /^h[1-6]$/i.test(sub.anchor.element) && score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, MAX_SECTIONS)
    .sort((a, b) => a.order - b.order)
    .map(({ sub }) => ({ title: sub.title, url: localHref(sub.url, pageUrl) }));

  return {
    url: localHref(fragment.url, pageUrl),
    title,
    lang,
    translationKey: filterValue('translation'),
    level: filterValue('level') ?? '',
    product: filterValue('product') ?? '',
    audience: filterValue('audience'),
    excerpt,
    sections,
  };
}
