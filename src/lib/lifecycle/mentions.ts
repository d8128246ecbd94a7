import type { Lifecycle } from './read.ts';
import { resolveVersion, type VersionEnd } from './resolve.ts';
import type { LifecycleProduct } from './schema.ts';

/** A product (and maybe version) named in a text, placed at its line and column (1-based). */
export interface Mention {
  product: string;
  /** The text as written, e.g. `Exchange Server 2010`, `IE 11`, `Windows 7`. */
  text: string;
  version?: string | undefined;
  line: number;
  column: number;
  /** What the lifecycle data says; undefined when the version is not known to it. */
  end?: VersionEnd | undefined;
  /**
   * How the mention was judged: `version` (a version was written), `pinned` (a name that stands for
   * one cycle, or the product's `bare` cycle), `product` (no version: the product's last end).
   */
  basis: 'version' | 'pinned' | 'product';
  /**
   * The release a name without a version stands for, as a person reads it: `Microsoft Office 2007`
   * for `Microsoft Office Button`. Only for names pinned in the data (`{ name, cycle }`).
   */
  means?: string | undefined;
}

interface Name {
  product: string;
  name: string;
  cycle?: string | undefined;
}

/**
 * A version right after a name: a year (`2012 R2`), a number (`11`, `8.1`, `4.6.1`) or a word
 * version (`XP`, `Vista`), then maybe a service pack. After it: no letter or digit, so
 * `Windows 7-Geräte` and `Office 2010-Programme` count and `Office 365` does not read as `Office 36`.
 */
const VERSION = String.raw`(?:\d{4}(?:\s?R2)?|\d{1,2}(?:\.\d{1,2}){0,2}|XP|Vista|SE)(?:\s?(?:SP|Service Pack\s?)\d{1,2})?`;

/**
 * An edition between the name and a year, as Microsoft writes them: `Visio Professional 2007`,
 * `Office Professional Plus 2010`, `Office Home and Business 2013`. Only before a year, so
 * `Windows Server Standard` alone is no version.
 */
const EDITION = String.raw`(?:Professional(?: Plus| Academic)?|Standard|Enterprise|Premium|Ultimate|Home and (?:Business|Student)|Small Business)[ \u00a0](?=\d{4}(?![\p{L}\p{N}]))`;

/** A compiled matcher for every name of every product. */
export interface MentionMatcher {
  find(text: string, options?: { line?: number; column?: number }): Mention[];
}

const cache = new WeakMap<Lifecycle, MentionMatcher>();

/** One regular expression over all names, longest first (so `Skype for Business Server` beats `Skype for Business`). */
export function mentionMatcher(lifecycle: Lifecycle): MentionMatcher {
  const cached = cache.get(lifecycle);
  if (cached) return cached;
  const names: Name[] = [];
  for (const [product, data] of lifecycle.products) {
    for (const entry of data.names) names.push(typeof entry === 'string' ? { product, name: entry } : { product, name: entry.name, cycle: entry.cycle });
  }
  names.sort((a, b) => b.name.length - a.name.length);
  const byName = new Map(names.map((n) => [n.name, n]));
  const alternatives = [...byName.keys()].map(escape).join('|');
  const pattern = alternatives
    ? new RegExp(String.raw`(?<![\p{L}\p{N}.])(${alternatives})(?:[ \u00a0]?(?:${EDITION})?(${VERSION}))?(?![\p{L}\p{N}]|\.\d)`, 'gu')
    : undefined;
  const matcher: MentionMatcher = {
    find(text, options = {}) {
      if (!pattern) return [];
      const lineStarts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
      const found: Mention[] = [];
      for (const match of text.matchAll(pattern)) {
        const name = byName.get(match[1]!.replace(/\u00a0/g, ' '))!;
        const product = lifecycle.products.get(name.product)!;
        const version = match[2];
        const basis = version ? 'version' : name.cycle || product.bare ? 'pinned' : 'product';
        const end = lookup(product, name, version);
        // a name without a version that the data cannot judge says nothing: skip it
        if (!version && !end) continue;
        const index = match.index;
        const lineIndex = upperBound(lineStarts, index) - 1;
        const line = lineIndex + (options.line ?? 1);
        const column = index - lineStarts[lineIndex]! + 1 + (lineIndex === 0 ? (options.column ?? 1) - 1 : 0);
        const release = !version && name.cycle ? releaseName(name.product, product, name.cycle) : undefined;
        const means = release && !match[0].toLowerCase().includes(release.toLowerCase()) ? release : undefined;
        found.push({ product: name.product, text: match[0], version, line, column, end, basis, ...(means && { means }) });
      }
      return found;
    },
  };
  cache.set(lifecycle, matcher);
  return matcher;
}

function lookup(product: LifecycleProduct, name: Name, version: string | undefined): VersionEnd | undefined {
  if (version) return resolveVersion(product, version);
  if (name.cycle) return resolveVersion(product, name.cycle);
  return resolveVersion(product, undefined);
}

/**
 * How a person names a release: `Microsoft Office` + cycle `2007` -> `Microsoft Office 2007` (a
 * numbered cycle by its id, not by its label `2007 SP3`), a named one by its label
 * (`Windows 10 Mobile`).
 */
function releaseName(id: string, product: LifecycleProduct, cycle: string): string {
  const text = /^\d+(?:\.\d+)*$/.test(cycle) ? cycle : (product.cycles.find((c) => c.cycle === cycle)?.label ?? cycle);
  return /^\d/.test(text) ? `${product.title ?? id} ${text}` : text;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\u00a0]');
}

function upperBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
