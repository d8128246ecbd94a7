import { describe, expect, it } from 'vitest';
import { reviewProvider } from '../../src/lib/stale/providers/review.ts';
import { article, runProvider } from './helpers.ts';

const provider = reviewProvider({ reviewEvery: 365 });

describe('review dates', () => {
  it('reports review-overdue when reviewed + review_every lies before today', async () => {
    const { reasons } = await runProvider(provider, [article('en/a', { reviewed: '2025-06-01' })], '2026-11-24');
    expect(reasons.get('en/a')).toMatchInlineSnapshot(`
      [
        {
          "code": "review-overdue",
          "details": {
            "due": "2026-06-01",
            "overdueDays": 176,
            "reviewEvery": 365,
            "reviewed": "2025-06-01",
          },
          "message": "Review overdue by 176 days (due 2026-06-01; reviewed 2025-06-01, review every 365 days).",
          "severity": "error",
        },
      ]
    `);
  });

  it("uses the article's review_every over the project default", async () => {
    const { reasons } = await runProvider(provider, [article('en/a', { reviewed: '2026-05-01', review_every: 90 })], '2026-11-24');
    expect(reasons.get('en/a')?.[0]?.message).toBe('Review overdue by 117 days (due 2026-07-30; reviewed 2026-05-01, review every 90 days).');
  });

  it('is not overdue on the due day itself, but due today', async () => {
    const { reasons } = await runProvider(provider, [article('en/a', { reviewed: '2025-11-24' })], '2026-11-24');
    expect(reasons.get('en/a')?.map((r) => [r.code, r.message])).toEqual([
      ['review-due', 'Review due today (2026-11-24; reviewed 2025-11-24, review every 365 days).'],
    ]);
  });

  it('reports review-due within 30 days', async () => {
    const { reasons } = await runProvider(provider, [article('en/a', { reviewed: '2025-12-24' })], '2026-11-24');
    expect(reasons.get('en/a')?.map((r) => [r.code, r.severity, r.message])).toEqual([
      ['review-due', 'info', 'Review due in 30 days (2026-12-24; reviewed 2025-12-24, review every 365 days).'],
    ]);
  });

  it('reports nothing when the next review is more than 30 days away', async () => {
    const { reasons } = await runProvider(provider, [article('en/a', { reviewed: '2025-12-25' })], '2026-11-24');
    expect(reasons.size).toBe(0);
  });

  it('reports never-reviewed without a reviewed date', async () => {
    const { reasons } = await runProvider(provider, [article('en/a')], '2026-11-24');
    expect(reasons.get('en/a')).toEqual([{ code: 'never-reviewed', message: 'Never reviewed: the frontmatter has no `reviewed` date.', severity: 'warning' }]);
  });
});
