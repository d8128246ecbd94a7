import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ticketStaleProvider } from '../../src/lib/gaps/stale-provider.ts';
import { readArticles } from '../../src/lib/content/read-articles.ts';
import { partitionArticles } from '../../src/lib/stale/article.ts';
import { FIXTURE_SITE_CONTENT, ROOT } from '../helpers/paths.ts';

describe('ticket reasons for kb stale', () => {
  it('flags escalations and reopenings after the last review, and articles no ticket used', async () => {
    const provider = await ticketStaleProvider({ files: [join(ROOT, 'test/fixtures/gaps/stale-tickets.csv')], contentDir: FIXTURE_SITE_CONTENT, root: ROOT });
    const { valid } = partitionArticles(await readArticles(FIXTURE_SITE_CONTENT, ROOT));
    const reasons = await provider({ articles: valid, today: new Date('2026-11-24') });
    // printer-offline was reviewed on 2026-10-01: T-1 (escalated) and T-2 (reopened) came after, T-3 before
    const printer = reasons.get('en/printer-offline') ?? [];
    expect(printer.map((r) => r.code)).toEqual(['ticket-escalations', 'ticket-reopened']);
    expect(printer[0]?.message).toBe('1 ticket using this article was escalated since its review on 2026-10-01 (T-1).');
    expect(printer[1]?.details).toEqual({ tickets: ['T-2'], reviewed: '2026-10-01' });
    expect(reasons.get('en/access-denied-share')?.map((r) => r.code)).toEqual(['unused']);
  });

  it('is picked up by kb stale --tickets', async () => {
    const { spawnSync } = await import('node:child_process');
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'scripts/kb.ts'),
        'stale',
        '--format',
        'json',
        '--today',
        '2026-11-24',
        '--no-git',
        '--tickets',
        join(ROOT, 'test/fixtures/gaps/stale-tickets.csv'),
      ],
      {
        cwd: ROOT,
        env: { ...process.env, KB_CONTENT_DIR: FIXTURE_SITE_CONTENT },
        encoding: 'utf8',
      },
    );
    const report = JSON.parse(run.stdout) as { articles: { id: string; reasons: { code: string }[] }[] };
    const printer = report.articles.find((a) => a.id === 'en/printer-offline');
    expect(printer?.reasons.map((r) => r.code)).toContain('ticket-escalations');
  });
});
