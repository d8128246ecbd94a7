import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/lib/stale/format.ts';
import { runStale } from '../../src/lib/stale/run.ts';
import { FIXTURE_CONTENT, ROOT, day } from './helpers.ts';

// The fixture content holds one article per reason; git is off so the output does not depend on commit dates.
const { report } = await runStale({ contentDir: FIXTURE_CONTENT, root: ROOT, today: day('2026-11-24'), reviewEvery: 365, git: false });

describe('kb stale report', () => {
  it('keeps the JSON contract: articles with id, path and reasons of code and message', () => {
    const json = JSON.parse(formatReport(report, 'json', { groupBy: 'owner' })) as {
      articles: { id: string; path: string; reasons: { code: string; message: string }[] }[];
    };
    expect(json.articles.map((a) => [a.id, a.path, a.reasons.map((r) => r.code)])).toEqual([
      ['en/exchange-queue', 'test/fixtures/stale/content/articles/en/exchange-queue.mdx', ['product-eol', 'broken-link', 'review-due']],
      ['en/mailbox-quota', 'test/fixtures/stale/content/articles/en/mailbox-quota.mdx', ['never-reviewed', 'product-eol']],
      ['en/vpn-fails', 'test/fixtures/stale/content/articles/en/vpn-fails.mdx', ['review-overdue', 'broken-link', 'archived-linked', 'translation-outdated']],
    ]);
    expect(json.articles.every((a) => a.reasons.every((r) => typeof r.message === 'string' && r.message.length > 0))).toBe(true);
  });

  it('counts what it did not check instead of dropping it', () => {
    expect({ checked: report.checked, ignored: report.ignored, skipped: report.skipped }).toEqual({
      checked: 5,
      ignored: { draft: 1, archived: 1 },
      skipped: [
        {
          id: 'en/broken-frontmatter',
          path: 'test/fixtures/stale/content/articles/en/broken-frontmatter.mdx',
          issues: [{ line: 4, column: 8, field: 'level', message: 'Invalid input' }],
        },
      ],
    });
  });

  it('prints JSON', async () => {
    await expect(formatReport(report, 'json', { groupBy: 'owner' })).toMatchFileSnapshot('__snapshots__/report.json');
  });

  it('prints text grouped by owner, then product', async () => {
    await expect(formatReport(report, 'text', { groupBy: 'owner' })).toMatchFileSnapshot('__snapshots__/report-owner.txt');
  });

  it('prints text grouped by product', async () => {
    await expect(formatReport(report, 'text', { groupBy: 'product' })).toMatchFileSnapshot('__snapshots__/report-product.txt');
  });

  it('prints Markdown for a pull-request comment', async () => {
    await expect(formatReport(report, 'markdown', { groupBy: 'owner', linkBase: 'https://github.com/org/kb/blob/main' })).toMatchFileSnapshot(
      '__snapshots__/report.md',
    );
  });

  it('escapes table pipes in Markdown cells', () => {
    const piped = { ...report, articles: [{ ...report.articles[0]!, title: 'A | B' }] };
    expect(formatReport(piped, 'markdown', { groupBy: 'none' })).toContain('| A \\| B<br>`en/exchange-queue` |');
  });
});

describe('filters', () => {
  it('keeps only the articles of one owner, with or without @', async () => {
    const { report: own } = await runStale({
      contentDir: FIXTURE_CONTENT,
      root: ROOT,
      today: day('2026-11-24'),
      reviewEvery: 365,
      git: false,
      owner: 'net-team',
    });
    expect([own.checked, own.articles.map((a) => a.id)]).toEqual([3, ['en/vpn-fails']]);
  });

  it('keeps only the articles of one product', async () => {
    const { report: mail } = await runStale({
      contentDir: FIXTURE_CONTENT,
      root: ROOT,
      today: day('2026-11-24'),
      reviewEvery: 365,
      git: false,
      product: 'mail',
    });
    expect(mail.articles.map((a) => a.id)).toEqual(['en/exchange-queue', 'en/mailbox-quota']);
  });
});
