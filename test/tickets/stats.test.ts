import { describe, expect, it } from 'vitest';
import { emptyStats, mergeStats } from '../../src/lib/tickets/stats.ts';
import type { FileInfo, ReadStats, Rejection } from '../../src/lib/tickets/types.ts';

function info(file: string, read: number, rejected: number): FileInfo {
  return { file, encoding: 'utf-8', format: 'csv', delimiter: ',', preset: 'generic', read, accepted: read - rejected, rejected };
}

function rejection(file: string, line: number, rule = 'ragged-row'): Rejection {
  return { file, line, rule, reason: `Unexpected row at ${line}` };
}

/** What one reader returns for one file (or one part of a split file). */
function part(file: string, read: number, lines: number[], keep = 100): ReadStats {
  const rejections = lines.map((line) => rejection(file, line));
  return {
    read,
    accepted: read - lines.length,
    rejected: lines.length,
    tickets: read - lines.length,
    rejections: rejections.slice(0, keep),
    rejectionsTotal: lines.length,
    rejectionsByRule: lines.length ? { 'ragged-row': lines.length } : {},
    problems: [],
    files: [info(file, read, lines.length)],
  };
}

const where = (stats: ReadStats) => stats.rejections.map((r) => `${r.file}:${r.line}`);

describe('emptyStats', () => {
  it('starts every count at zero with no files, and gives a new object each time', () => {
    const a = emptyStats();
    expect(a).toMatchObject({
      read: 0,
      accepted: 0,
      rejected: 0,
      tickets: 0,
      rejectionsTotal: 0,
      rejections: [],
      problems: [],
      files: [],
      rejectionsByRule: {},
    });
    a.files.push(info('x.csv', 1, 0));
    a.rejectionsByRule['ragged-row'] = 1;
    expect(emptyStats().files).toEqual([]);
    expect(emptyStats().rejectionsByRule).toEqual({});
  });
});

describe('mergeStats', () => {
  it('adds up the counts of two files and keeps read = accepted + rejected', () => {
    const stats = mergeStats(mergeStats(emptyStats(), part('a.csv', 10, [3])), part('b.csv', 5, [2, 4]));
    expect(stats).toMatchObject({ read: 15, accepted: 12, rejected: 3, tickets: 12, rejectionsTotal: 3, rejectionsByRule: { 'ragged-row': 3 } });
    expect(stats.read).toBe(stats.accepted + stats.rejected);
    expect(stats.files.map((f) => f.file)).toEqual(['a.csv', 'b.csv']);
  });

  it("makes the parts of one split export a single file entry with the parts' counts summed", () => {
    const stats = emptyStats();
    for (const p of [part('big.csv', 100, [7]), part('big.csv', 100, [150, 180]), part('big.csv', 50, [])]) mergeStats(stats, p);
    expect(stats.files).toEqual([info('big.csv', 250, 3)]);
  });

  it('keeps rejections in file order, then line order, whatever order the parts finish in', () => {
    const stats = emptyStats();
    mergeStats(stats, part('a.csv', 100, [90, 95]));
    mergeStats(stats, part('b.csv', 100, [4]));
    // the first part of a.csv is merged last (a thread that finished late)
    mergeStats(stats, part('a.csv', 100, [12, 40]));
    expect(where(stats)).toEqual(['a.csv:12', 'a.csv:40', 'a.csv:90', 'a.csv:95', 'b.csv:4']);
  });

  it('keeps at most `keep` rejections, the earliest ones, while counting them all', () => {
    const stats = emptyStats();
    mergeStats(stats, part('big.csv', 100, [60, 70, 80, 90], 3), 3);
    mergeStats(stats, part('big.csv', 100, [5, 10], 3), 3);
    expect(where(stats)).toEqual(['big.csv:5', 'big.csv:10', 'big.csv:60']);
    expect(stats.rejectionsTotal).toBe(6);
    expect(stats.rejected).toBe(6);
  });

  it('keeps a hundred rejections when not told otherwise', () => {
    const lines = Array.from({ length: 150 }, (_, i) => i + 2);
    const stats = mergeStats(emptyStats(), part('big.csv', 200, lines, 150));
    expect(stats.rejections).toHaveLength(100);
    expect(stats.rejections.at(-1)!.line).toBe(101);
  });

  it('adds rejection counts per rule and keeps every file problem', () => {
    const a = part('a.csv', 3, [2]);
    const b: ReadStats = {
      ...part('b.json', 2, [1]),
      rejectionsByRule: { 'missing-id': 1 },
      problems: [{ file: 'c.csv', line: 1, rule: 'empty-file', reason: 'Unexpected empty file' }],
    };
    const stats = mergeStats(mergeStats(emptyStats(), a), b);
    expect(stats.rejectionsByRule).toEqual({ 'ragged-row': 1, 'missing-id': 1 });
    expect(stats.problems.map((p) => p.rule)).toEqual(['empty-file']);
  });

  it('copies file entries instead of sharing them with the part it merged', () => {
    const p = part('a.csv', 10, []);
    const stats = mergeStats(emptyStats(), p);
    mergeStats(stats, part('a.csv', 5, []));
    expect(p.files[0]!.read).toBe(10);
    expect(stats.files[0]!.read).toBe(15);
  });
});
