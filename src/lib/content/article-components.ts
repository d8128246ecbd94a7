import type { Element, ElementContent, Properties } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { levelHint, levelName, t } from '../i18n.ts';
import type { Lang, Level } from '../levels.ts';
import type { Literal } from './article-code.ts';

/**
 * The components an article may use, as HTML: the one definition of their markup. Article bodies
 * are rendered to HTML when the content is loaded (src/lib/content/render-article.ts), so the
 * components are functions from attributes and children to a hast element rather than Astro
 * components; the site's own pages show the same markup through thin Astro wrappers
 * (src/components/mdx/*.astro) that render these functions.
 */
export const ARTICLE_COMPONENTS = ['Steps', 'Callout', 'Internal', 'ErrorCode', 'Escalation'] as const;
export type ArticleComponent = (typeof ARTICLE_COMPONENTS)[number];

/** What the components need to know about the page they are on. */
export interface ComponentContext {
  lang: Lang;
  /** The agent site: `<Internal>` blocks are shown and escalation names the queue. */
  internal: boolean;
  /** The queue that takes escalations of a product at a level, when the taxonomy names one. */
  queue?: ((product: string, level: 2 | 3) => string | undefined) | undefined;
}

function h(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}
const text = (value: string): ElementContent => ({ type: 'text', value });

export function levelBadge(level: Level, lang: Lang): Element {
  return h('span', { className: ['level-badge', `level-${level}`], title: levelHint(lang, level), dataPagefindIgnore: true }, [
    h('span', { ariaHidden: 'true' }, [text(`L${level}`)]),
    h('span', { className: ['visually-hidden'] }, [text(levelName(lang, level))]),
  ]);
}

const badges = new Map<string, string>();
/** The HTML of a level badge: the same six strings on every page, made once each. */
export function levelBadgeHtml(level: Level, lang: Lang): string {
  const key = `${level} ${lang}`;
  let html = badges.get(key);
  if (html === undefined) badges.set(key, (html = elementHtml(levelBadge(level, lang))));
  return html;
}

/** An error code as users see it; its other spellings are indexed by the article layout. */
export function errorCode(code: string): Element {
  return h('code', { className: ['error-code'] }, [text(code)]);
}

/** Numbered steps: wraps an ordered list. */
export function steps(children: ElementContent[]): Element {
  return h('div', { className: ['steps'] }, children);
}

export type CalloutType = 'note' | 'tip' | 'warning';

/** A note, tip or warning, titled with its type's name in the page language unless given a title. */
export function callout(props: { type?: string | undefined; title?: string | undefined }, children: ElementContent[], lang: Lang): Element {
  const type = props.type ?? 'note';
  const title = props.title ?? (isCalloutType(type) ? t(lang, type) : type);
  return h('aside', { className: ['callout', `callout-${type}`], role: 'note' }, [h('p', { className: ['callout-title'] }, [text(title)]), ...children]);
}

function isCalloutType(type: string): type is CalloutType {
  return type === 'note' || type === 'tip' || type === 'warning';
}

/**
 * Content for support staff only: a titled section on the agent site, nothing at all on the public
 * site (where the build removed the block from the syntax tree before anything read it).
 */
export function internalBlock(children: ElementContent[], context: ComponentContext): Element | undefined {
  if (!context.internal) return undefined;
  const label = t(context.lang, 'internalBlock');
  return h('section', { className: ['internal-block'], ariaLabel: label }, [h('p', { className: ['internal-block-title'] }, [text(label)]), ...children]);
}

export interface EscalationProps {
  /** Level to hand over to. */
  to: Level;
  /** What to collect before handing over. */
  collect?: string[] | undefined;
  /** Product id: names the escalation queue from the taxonomy on the agent site. */
  product?: string | undefined;
  /** id of the page's contact box: the public box then offers "Contact support". */
  contact?: string | undefined;
}

/**
 * When and how to escalate: agents see the queue (or level) to hand over to and what to collect
 * first; customers see "Still not working?", what to have ready and, with a contact box, a
 * button that opens it.
 */
export function escalation(props: EscalationProps, children: ElementContent[], context: ComponentContext): Element {
  const { lang } = context;
  const collect = props.collect ?? [];
  const list = (intro: string): ElementContent[] =>
    collect.length > 0 ? [h('p', { className: ['escalation-collect'], dataPagefindIgnore: true }, [text(intro)]), h('ul', {}, collect.map((item) => h('li', {}, [text(item)])))] : [];
  if (context.internal) {
    const queue = props.product && (props.to === 2 || props.to === 3) ? context.queue?.(props.product, props.to) : undefined;
    const title = h('p', { className: ['escalation-title'], dataPagefindIgnore: true }, [
      text(`${t(lang, 'escalateToQueue')} `),
      queue ? h('strong', { className: ['escalation-queue'] }, [text(queue)]) : text(levelName(lang, props.to)),
      text(' '),
      levelBadge(props.to, lang),
    ]);
    return h('aside', { className: ['escalation'], ariaLabel: t(lang, 'escalation') }, [title, ...children, ...list(t(lang, 'collectFirst'))]);
  }
  const contact = props.contact
    ? [h('p', { dataPagefindIgnore: true }, [h('button', { type: 'button', className: ['button'], dataContactOpen: props.contact }, [text(t(lang, 'contactSupport'))])])]
    : [];
  return h('aside', { className: ['escalation'], ariaLabel: t(lang, 'stillNotWorking') }, [
    h('p', { className: ['escalation-title'], dataPagefindIgnore: true }, [text(t(lang, 'stillNotWorking'))]),
    ...children,
    ...list(t(lang, 'haveReady')),
    ...contact,
  ]);
}

/**
 * One component of an article body as an element, from the attributes the author wrote (strings,
 * and literal values such as `to={3}`); `undefined` when it shows nothing on this site.
 */
export function articleComponent(name: ArticleComponent, attributes: Record<string, Literal>, children: ElementContent[], context: ComponentContext): Element | undefined {
  const string = (key: string) => (typeof attributes[key] === 'string' ? (attributes[key] as string) : undefined);
  switch (name) {
    case 'Steps':
      return steps(children);
    case 'Callout':
      return callout({ type: string('type'), title: string('title') }, children, context.lang);
    case 'Internal':
      return internalBlock(children, context);
    case 'ErrorCode':
      return errorCode(String(attributes['code'] ?? ''));
    case 'Escalation': {
      const collect = attributes['collect'];
      return escalation(
        {
          to: Number(attributes['to']) as Level,
          collect: Array.isArray(collect) ? collect.map(String) : undefined,
          product: string('product'),
          contact: string('contact'),
        },
        children,
        context,
      );
    }
  }
}

export function isArticleComponent(name: string): name is ArticleComponent {
  return (ARTICLE_COMPONENTS as readonly string[]).includes(name);
}

/** HTML of an element; `raw` children (an Astro slot already rendered) are kept as they are. */
export function elementHtml(element: Element | undefined): string {
  return element ? toHtml(element, { allowDangerousHtml: true }) : '';
}
