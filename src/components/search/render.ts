import type { Lang } from '../../lib/levels.ts';
import type { Excerpt } from '../../lib/search/excerpt.ts';
import type { Card } from '../../lib/search/result-cards.ts';
import type { LoadedPage } from '../../lib/search/result-page.ts';

/** What the cards need from the page: its language, the UI strings and the display names of filter ids. */
export interface RenderContext {
  lang: Lang;
  strings: Record<string, string>;
  /** Level id ('1') to its name in the page language. */
  levels: Record<string, string>;
  /** Product id to its name in the page language. */
  products: Record<string, string>;
  /** The agent site: every result shows whether it is public or internal. */
  internal: boolean;
}

/** Each language by its own name: the tag is for readers of that language. */
const LANGUAGE_NAMES: Record<Lang, string> = { de: 'Deutsch', en: 'English' };

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function link(href: string, text: string, className: string, lang: Lang | undefined): HTMLAnchorElement {
  const a = element('a', className, text);
  a.href = href;
  if (lang) {
    a.lang = lang;
    a.hreflang = lang;
  }
  return a;
}

/** The excerpt as text and <mark> nodes: built from text, never parsed as HTML. */
function excerptNode(excerpt: Excerpt, lang: Lang | undefined): HTMLParagraphElement {
  const p = element('p', 'kb-result-excerpt');
  if (lang) p.lang = lang;
  if (excerpt.before) p.append('… ');
  for (const part of excerpt.parts) p.append(part.mark ? element('mark', undefined, part.text) : part.text);
  if (excerpt.after) p.append(' …');
  return p;
}

/**
 * One result card. Every link is an ordinary link with its own box: no stretched click areas that
 * could cover a neighbour (the bug of the old Pagefind component UI).
 */
export function renderCard(card: Card<LoadedPage>, context: RenderContext): HTMLLIElement {
  const { main, source, other } = card;
  const foreign = (lang: Lang) => (lang === context.lang ? undefined : lang);
  const item = element('li', 'kb-result');
  item.dataset['lang'] = main.lang;

  const title = element('p', 'kb-result-title');
  const badge = element('span', `level-badge level-${source.level}`, `L${source.level}`);
  // the meta line names the level in words
  badge.setAttribute('aria-hidden', 'true');
  title.append(badge, link(main.url, main.title, 'kb-result-link', foreign(main.lang)));
  if (foreign(main.lang)) {
    const tag = element('span', 'kb-lang-tag', LANGUAGE_NAMES[main.lang]);
    tag.lang = main.lang;
    title.append(' ', tag);
  }
  item.append(title);

  const meta = element('p', 'kb-result-meta');
  meta.append([context.levels[source.level], context.products[source.product]].filter(Boolean).join(' · '));
  if (context.internal && source.audience) {
    const internal = source.audience === 'internal';
    meta.append(
      ' ',
      element('span', `kb-audience kb-audience-${internal ? 'internal' : 'public'}`, context.strings[internal ? 'audienceInternal' : 'audiencePublic']),
    );
  }
  item.append(meta);

  if (source.excerpt.parts.length) item.append(excerptNode(source.excerpt, foreign(source.lang)));

  if (card.sourceIsMain && source.sections.length) {
    const list = element('ul', 'kb-result-headings');
    if (foreign(source.lang)) list.lang = source.lang;
    for (const section of source.sections) {
      const li = element('li');
      li.append(link(section.url, section.title, 'kb-heading-link', undefined));
      list.append(li);
    }
    item.append(list);
  }

  if (other) {
    const p = element('p', 'kb-result-other');
    p.append(`${context.strings[other.lang === 'de' ? 'alsoInGerman' : 'alsoInEnglish']}: `, link(other.url, other.title, 'kb-other-link', other.lang));
    item.append(p);
  }
  return item;
}
