import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SHARED } from '../helpers/paths.ts';

describe('kb gaps on the command line, over real labelled tickets', () => {
  it('prints the JSON contract: accounting and ranked gaps with ticket ids and levels', () => {
    const file = join(SHARED, 'tickets/it-service-ticket-classification/all_tickets_processed_improved_v3.partial.csv');
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/kb.ts'), 'gaps', '--tickets', file, '--map', 'id=@line', '--format', 'json'], {
      cwd: ROOT,
      env: { ...process.env, KB_CONTENT_DIR: join(ROOT, 'test/fixtures/gaps/content') },
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { tickets: Record<string, number>; gaps: { label: string; keywords: string[]; tickets: number; ticketIds: string[]; levels: Record<string, number>; score: number }[] };
    expect(report.tickets['read']).toBe(3805);
    expect(report.tickets['read']).toBe(report.tickets['accepted']! + report.tickets['rejected']!);
    expect(report.gaps.length).toBeGreaterThan(10);
    for (const gap of report.gaps.slice(0, 5)) {
      expect(Object.keys(gap)).toEqual(expect.arrayContaining(['label', 'keywords', 'tickets', 'ticketIds', 'levels']));
      expect(gap.ticketIds).toHaveLength(gap.tickets);
    }
    const scores = report.gaps.map((g) => g.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});
