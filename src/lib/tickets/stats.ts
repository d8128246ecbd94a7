import type { ReadStats } from './types.ts';

export function emptyStats(): ReadStats {
  return { read: 0, accepted: 0, rejected: 0, tickets: 0, rejections: [], rejectionsTotal: 0, rejectionsByRule: {}, problems: [], files: [] };
}

/**
 * Adds `from` to `into`. Parts of one file (a split export) become one file entry; the kept
 * rejections stay in file and line order and within `keep`.
 */
export function mergeStats(into: ReadStats, from: ReadStats, keep = 100): ReadStats {
  into.read += from.read;
  into.accepted += from.accepted;
  into.rejected += from.rejected;
  into.tickets += from.tickets;
  into.rejectionsTotal += from.rejectionsTotal;
  for (const [rule, n] of Object.entries(from.rejectionsByRule ?? {})) into.rejectionsByRule[rule] = (into.rejectionsByRule[rule] ?? 0) + n;
  into.problems.push(...from.problems);
  const order = new Map<string, number>();
  for (const info of from.files) {
    const same = into.files.find((f) => f.file === info.file);
    if (!same) into.files.push({ ...info });
    else {
      same.read += info.read;
      same.accepted += info.accepted;
      same.rejected += info.rejected;
    }
  }
  into.files.forEach((f, i) => order.set(f.file, i));
  into.rejections = [...into.rejections, ...from.rejections]
    .sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line)
    .slice(0, keep);
  return into;
}
