import { findProduct } from '../content/taxonomy.ts';
import type { Taxonomy } from '../schema/taxonomy.ts';
import { mentionMatcher, type Mention } from './mentions.ts';
import type { Lifecycle } from './read.ts';
import { hasEnded } from './resolve.ts';
import type { End } from './schema.ts';

/** A product version an article names, judged on a day. */
export interface JudgedVersion {
  /** The text the article wrote (`Exchange Server 2013 Enterprise`, `IE 11`). */
  text: string;
  /** Product id of the lifecycle data or, for a taxonomy date, of the taxonomy. */
  product: string;
  eol: End;
  ended: boolean;
  /** Where the date comes from: `taxonomy` (an `eol` in taxonomy.yaml) or `lifecycle`. */
  source: 'taxonomy' | 'lifecycle';
  link?: string | undefined;
}

/**
 * The end of one `versions:` entry: an `eol` in taxonomy.yaml for that product and name wins
 * (a local decision), else the first product version the lifecycle data recognises in the text.
 * Undefined when neither knows it.
 */
export function judgeVersion(text: string, productId: string, taxonomy: Taxonomy, lifecycle: Lifecycle, today: Date): JudgedVersion | undefined {
  const listed = findProduct(taxonomy, productId)?.versions.find((v) => v.name === text);
  if (listed?.eol) return { text, product: productId, eol: listed.eol, ended: hasEnded(listed.eol, today), source: 'taxonomy' };
  const mention = judgedMentions(mentionMatcher(lifecycle).find(text), today)[0];
  // listed in the taxonomy without a date: the taxonomy has always meant "supported"
  if (!mention?.end) return listed ? { text, product: productId, eol: false, ended: false, source: 'taxonomy' } : undefined;
  return { text, product: mention.product, eol: mention.end.eol, ended: hasEnded(mention.end.eol, today), source: 'lifecycle', link: mention.end.link };
}

/**
 * Mentions that say something about support on `today`: a written or pinned version the data
 * knows, or a product named without a version whose every cycle has ended (`Lync`). A product
 * named without a version that still has supported cycles (`Outlook`) says nothing.
 */
export function judgedMentions(mentions: Mention[], today: Date): Mention[] {
  return mentions.filter((m) => m.end && (m.basis !== 'product' || hasEnded(m.end.eol, today)));
}

/** True when a taxonomy version has no end anyone knows: no `eol` in taxonomy.yaml and not recognised by the lifecycle data. */
export function versionWithoutEnd(name: string, productId: string, taxonomy: Taxonomy, lifecycle: Lifecycle): boolean {
  const listed = findProduct(taxonomy, productId)?.versions.find((v) => v.name === name);
  if (listed?.eol) return false;
  return !mentionMatcher(lifecycle)
    .find(name)
    .some((m) => m.end && m.basis !== 'product');
}
