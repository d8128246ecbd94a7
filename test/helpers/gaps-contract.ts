import { expect } from 'vitest';

/**
 * The `kb gaps --format json` contract of DESIGN.md, checked on a command's output: every row
 * accounted for, and gaps ranked by score (the leading ones, then the broader ones), each with its
 * ticket ids and levels.
 */
export function expectGapsContract(stdout: string, read: number, minGaps: number): void {
  const report = JSON.parse(stdout) as { tickets: Record<string, number>; gaps: { tickets: number; ticketIds: string[]; score: number; broader?: true }[] };
  expect(report.tickets['read']).toBe(read);
  expect(report.tickets['read']).toBe(report.tickets['accepted']! + report.tickets['rejected']!);
  expect(report.gaps.length).toBeGreaterThan(minGaps);
  for (const gap of report.gaps.slice(0, 5)) {
    expect(Object.keys(gap)).toEqual(expect.arrayContaining(['label', 'keywords', 'tickets', 'ticketIds', 'levels']));
    expect(gap.ticketIds).toHaveLength(gap.tickets);
  }
  const broader = report.gaps.findIndex((g) => g.broader);
  const [leading, rest] = broader < 0 ? [report.gaps, []] : [report.gaps.slice(0, broader), report.gaps.slice(broader)];
  expect(rest.every((g) => g.broader)).toBe(true);
  for (const part of [leading, rest]) {
    const scores = part.map((g) => g.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  }
}
