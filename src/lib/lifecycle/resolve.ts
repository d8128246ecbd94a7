import type { Cycle, End, LifecycleProduct } from './schema.ts';

/** What the lifecycle data says about one version of a product. */
export interface VersionEnd {
  /** The cycles the version stands for (`SQL Server 2016` stands for 2016 RTM to SP3). */
  cycles: string[];
  /** The last end among them: a day, `false` (still supported) or `true` (ended, day unknown). */
  eol: End;
  /** Where the vendor documents it, when known. */
  link?: string | undefined;
}

/** `2016 SP2`, `2016-sp2`, `2016 Service Pack 2` -> `2016 sp2`. */
export function normalizeVersion(text: string): string {
  return text
    .toLowerCase()
    .replace(/service pack\s*/g, 'sp')
    .replace(/\bsp\s+(\d)/g, 'sp$1')
    .replace(/[()'"]/g, ' ')
    .replace(/[-_\s]+/g, ' ')
    .trim();
}

/** Keys a cycle answers to: its id and its label, with and without the product's words before the number. */
function cycleKeys(cycle: Cycle): string[] {
  const keys = [normalizeVersion(cycle.cycle)];
  if (cycle.label) {
    const label = normalizeVersion(cycle.label);
    keys.push(label, label.replace(/^(?:[^\s\d]+\s)+(?=\S*\d)/, ''));
  }
  return keys;
}

/**
 * The cycles a version text means, and their end. Order: an alias in `versions`, an exact cycle
 * id (with its service packs), then every cycle whose id or label is the version or starts with it (`2016` -> 2016, 2016 SP1,
 * 2016 SP3), whose latest end counts: a version line is over only when its last cycle is.
 * Undefined when nothing matches.
 */
export function resolveVersion(product: LifecycleProduct, version: string | undefined): VersionEnd | undefined {
  if (version === undefined) return resolveBare(product);
  const wanted = normalizeVersion(version);
  const aliased = Object.entries(product.versions).find(([text]) => normalizeVersion(text) === wanted)?.[1];
  if (aliased) return endOf(product.cycles.filter((c) => c.cycle === aliased));
  // the cycle itself and its service packs: `Windows Server 2003` is supported as long as 2003 SP2
  // is, but `IE 11` is not `IE 11 LTSC` (an edition, not a service pack)
  const exact = product.cycles.filter((c) => normalizeVersion(c.cycle) === wanted);
  if (exact.length) return endOf([...exact, ...product.cycles.filter((c) => cycleKeys(c).some((k) => isServicePackOf(k, wanted)))]);
  const line = product.cycles.filter((c) => cycleKeys(c).some((k) => k === wanted || k.startsWith(`${wanted} `)));
  if (line.length) return endOf(line);
  // a service pack the data does not list (`2010 SP2` when it names only `2010 SP3`): its support
  // ends no later than its version line's, so the line's end is a safe answer
  const base = wanted.replace(/\s?sp\d{1,2}$/, '');
  return base !== wanted ? resolveVersion(product, base) : undefined;
}

/** `2003 sp2` is a service pack of `2003` (one or two digits, as the fallback below reads them). */
function isServicePackOf(key: string, version: string): boolean {
  return key.startsWith(`${version} sp`) && /^\d{1,2}$/.test(key.slice(version.length + 3));
}

/** A mention without a version: the `bare` cycle, or the whole product when every cycle has ended. */
function resolveBare(product: LifecycleProduct): VersionEnd | undefined {
  if (product.bare) return resolveVersion(product, product.bare);
  if (!product.cycles.length) return undefined;
  const all = endOf(product.cycles);
  return all?.eol === false ? undefined : all;
}

function endOf(cycles: Cycle[]): VersionEnd | undefined {
  if (!cycles.length) return undefined;
  let eol: End = true;
  for (const cycle of cycles) eol = later(eol, cycle.eol);
  const withLink = cycles.find((c) => c.link);
  return { cycles: cycles.map((c) => c.cycle), eol, link: withLink?.link };
}

/** The later of two ends: `false` (no end) beats a day, a day beats `true` (ended, unknown day). */
function later(a: End, b: End): End {
  if (a === false || b === false) return false;
  if (a === true) return b;
  if (b === true) return a;
  return a > b ? a : b;
}

/**
 * Has support ended on `today`? Vendors publish the day support ends (Microsoft's "end date" is the
 * last patch day), so on that day the version is out of support.
 */
export function hasEnded(eol: End, today: Date): boolean {
  if (typeof eol === 'boolean') return eol;
  return eol.getTime() <= today.getTime();
}
