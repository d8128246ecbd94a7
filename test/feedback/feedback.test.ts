import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readEventFiles } from '../../src/lib/collect/ndjson.ts';
import { EventStore } from '../../src/lib/collect/store.ts';
import { formatFeedback } from '../../src/lib/feedback/format.ts';
import { searchGaps } from '../../src/lib/feedback/search-gaps.ts';
import { helpfulStaleProvider } from '../../src/lib/feedback/stale-provider.ts';
import { summariseFeedback } from '../../src/lib/feedback/summarise.ts';
import { article, day, FIXTURE_CONTENT, ROOT, runProvider } from '../stale/helpers.ts';

const EVENTS = fileURLToPath(new URL('../fixtures/feedback/events.ndjson', import.meta.url));

function kb(args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/kb.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, KB_CONTENT_DIR: FIXTURE_CONTENT, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('reading events', () => {
  it('counts every line: read = events + rejected, each rejection with its line', async () => {
    const source = await readEventFiles([EVENTS]);
    expect(source.read).toBe(51);
    expect(source.events).toHaveLength(49);
    expect(source.rejected.map((r) => [r.line, r.message.split(' ')[0]])).toEqual([
      [21, 'malformed'],
      [51, 'helpful:'],
    ]);
  });

  it('reads a collector database like an NDJSON file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-feedback-'));
    try {
      const db = join(dir, 'events.sqlite');
      const store = new EventStore(db);
      store.insert((await readEventFiles([EVENTS])).events);
      store.close();
      const fromDb = await readEventFiles([db]);
      expect(fromDb.events).toEqual((await readEventFiles([EVENTS])).events);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names a missing file', async () => {
    await expect(readEventFiles(['/nonexistent/events.ndjson'])).rejects.toThrow('Cannot read events file /nonexistent/events.ndjson: no such file');
  });
});

describe('kb feedback', () => {
  it('gives each article its helpful rate and lists the searches that found nothing', async () => {
    const { events } = await readEventFiles([EVENTS]);
    const report = summariseFeedback(events, { today: day('2026-11-24') });
    expect(report.articles.map((a) => [a.id, a.yes, a.no, a.helpfulRate, a.contacts])).toEqual([
      ['en/mailbox-quota', 0, 4, 0, 0],
      ['en/fresh', 3, 19, 0.136, 1],
      ['de/vpn-geht-nicht', 8, 2, 0.8, 0],
    ]);
    // case and spacing do not make a different query
    expect(report.zeroResults.slice(0, 2)).toEqual([
      { query: 'teams camera black screen', count: 3, lang: 'en' },
      { query: 'drucker druckt leere seiten', count: 2, lang: 'de' },
    ]);
    expect(report.unclicked).toEqual([{ query: 'outlook password prompt', count: 1, lang: 'en' }]);
    expect(report.contacts).toEqual({ total: 2, fromArticles: 1, fromSearch: 1 });
    // the vote after --today is not counted
    expect(report.events.counted).toBe(48);
  });

  it('counts only the last --days and one --site', async () => {
    const { events } = await readEventFiles([EVENTS]);
    const recent = summariseFeedback(events, { today: day('2026-11-24'), days: 30 });
    expect(recent.since).toBe('2026-10-26');
    expect(recent.articles.find((a) => a.id === 'en/fresh')).toMatchObject({ yes: 3, no: 9 });
    const internal = summariseFeedback(events, { today: day('2026-11-24'), site: 'internal' });
    expect(internal.zeroResults).toEqual([{ query: '0x80070005', count: 1, lang: 'en' }]);
  });

  it('escapes query text in Markdown, so a query cannot inject markup into a pull-request comment', () => {
    const report = summariseFeedback(
      [
        {
          at: '2026-11-20T00:00:00Z',
          type: 'search',
          site: 'public',
          lang: 'en',
          query: '<img src=x onerror=alert(1)> | `rm` [link](http://x)',
          results: 0,
          clicked: false,
        },
      ],
      { today: day('2026-11-24') },
    );
    const md = formatFeedback(report, 'markdown');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt; \\| \\`rm\\` \\[link\\](http://x)');
    expect(md).not.toMatch(/(?<!\\)<img/);
  });

  it('prints text, Markdown and JSON with titles from the content folder', () => {
    const text = kb(['feedback', '--events', EVENTS, '--today', '2026-11-24']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('read 51, rejected 2');
    expect(text.stdout).toMatch(/14%\s+3\s+19\s+1\s+en\/fresh {2}Fresh article/);
    expect(text.stderr).toContain(`${EVENTS}:21: malformed JSON`);
    const md = kb(['feedback', '--events', EVENTS, '--today', '2026-11-24', '--format', 'markdown']);
    expect(md.stdout).toContain('| Fresh article (en/fresh) | 14% | 3 | 19 | 1 |');
    const json = JSON.parse(kb(['feedback', '--events', EVENTS, '--today', '2026-11-24', '--format', 'json']).stdout) as {
      searchGaps: { label: string; searches: number }[];
    };
    expect(json.searchGaps[0]).toMatchObject({ searches: 4 });
    expect(json.searchGaps[0]!.label).toContain('drucker');
  });

  it('refuses bad options with a clear message', () => {
    expect(kb(['feedback', '--today', '2026-11-24'])).toMatchObject({ status: 2, stderr: expect.stringContaining('Missing --events') });
    expect(kb(['feedback', '--events', EVENTS, '--today', '24.11.2026'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('Unexpected --today "24.11.2026"'),
    });
    expect(kb(['feedback', '--events', EVENTS, '--days', '0']).stderr).toContain('Unexpected --days "0"');
  });
});

describe('search gaps', () => {
  it('clusters zero-result searches into topics, whatever their wording', () => {
    const gaps = searchGaps([
      { query: 'drucker druckt leere seiten', count: 2, lang: 'de' },
      { query: 'leere seiten beim drucken', count: 1, lang: 'de' },
      { query: 'drucker leere seite', count: 1, lang: 'de' },
      { query: 'teams camera black screen', count: 3, lang: 'en' },
      { query: 'vpn', count: 1, lang: 'en' },
    ]);
    expect(gaps.map((g) => [g.searches, g.queries.length])).toEqual([
      [4, 3],
      [3, 1],
    ]);
    expect(gaps[0]!.keywords).toEqual(expect.arrayContaining(['leere']));
  });

  it('are listed by kb gaps --searches, alone or next to the ticket gaps', () => {
    const alone = kb(['gaps', '--searches', EVENTS, '--today', '2026-11-24', '--format', 'json']);
    expect(alone.status).toBe(0);
    const json = JSON.parse(alone.stdout) as { searches: { read: number; rejected: number; zeroResults: number }; searchGaps: { searches: number }[] };
    expect(json.searches).toEqual({ read: 51, rejected: 2, zeroResults: 8 });
    expect(json.searchGaps.map((g) => g.searches)).toEqual([4, 3]);
    const text = kb(['gaps', '--searches', EVENTS, '--today', '2026-11-24']);
    expect(text.stdout).toContain('Search gaps (2 topics');
    expect(kb(['gaps']).stderr).toContain('Missing --tickets or --searches');
  });
});

describe('kb stale: the unhelpful reason', () => {
  it('flags an article with a poor helpful rate over the minimum votes, counting only votes since its review', async () => {
    const { events } = await readEventFiles([EVENTS]);
    const articles = [article('en/fresh', { reviewed: '2026-10-01' }), article('en/mailbox-quota'), article('de/vpn-geht-nicht', { reviewed: '2026-09-01' })];
    const { reasons } = await runProvider(helpfulStaleProvider(events), articles, '2026-11-24');
    expect([...reasons.keys()]).toEqual(['en/fresh']);
    expect(reasons.get('en/fresh')).toEqual([
      {
        code: 'unhelpful',
        message: 'Only 3 of 12 readers (25%) said this article solved their problem since its review on 2026-10-01 (below 50%).',
        severity: 'warning',
        details: { yes: 3, no: 9, votes: 12, helpfulRate: 0.25, threshold: 0.5, reviewed: '2026-10-01' },
      },
    ]);
    // fewer votes needed: the never-reviewed article's 4 "no" count
    const low = await runProvider(helpfulStaleProvider(events, { minVotes: 4 }), articles, '2026-11-24');
    expect([...low.reasons.keys()].sort()).toEqual(['en/fresh', 'en/mailbox-quota']);
  });

  it('is reported by kb stale --events', () => {
    const result = kb(['stale', '--today', '2026-11-24', '--no-git', '--events', EVENTS, '--format', 'json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { articles: { id: string; reasons: { code: string }[] }[] };
    expect(report.articles.find((a) => a.id === 'en/fresh')?.reasons.map((r) => r.code)).toContain('unhelpful');
    expect(result.stderr).toContain('2 of 51 events rejected');
    expect(kb(['stale', '--events', EVENTS, '--helpful-below', '120']).stderr).toContain('Unexpected --helpful-below "120"');
  });
});
