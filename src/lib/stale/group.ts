import type { StaleEntry, StaleReport } from './run.ts';

export type GroupBy = 'owner' | 'product' | 'none';
export const GROUP_BY: readonly GroupBy[] = ['owner', 'product', 'none'];

export interface EntryGroup {
  /** Owner handle or product id; empty for `none`. */
  key: string;
  entries: StaleEntry[];
}

/** Groups entries by owner or product, groups and entries in a stable order. */
export function groupEntries(entries: readonly StaleEntry[], by: GroupBy): EntryGroup[] {
  const sorted = [...entries].sort((a, b) => a.product.localeCompare(b.product) || a.id.localeCompare(b.id));
  if (by === 'none') return [{ key: '', entries: sorted }];
  const groups = new Map<string, StaleEntry[]>();
  for (const entry of sorted) groups.set(entry[by], [...(groups.get(entry[by]) ?? []), entry]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([key, list]) => ({ key, entries: list }));
}

/** How many stale articles carry each reason code, most frequent first. */
export function countByCode(entries: readonly StaleEntry[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    for (const code of new Set(entry.reasons.map((r) => r.code))) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Top-level counts added to the JSON output (the contract's `articles` stays as is). */
export function summarize(report: StaleReport) {
  return {
    checked: report.checked,
    stale: report.articles.length,
    skipped: report.skipped.length,
    ignored: report.ignored,
    byCode: Object.fromEntries(countByCode(report.articles)),
  };
}
