import { describe, expect, it } from 'vitest';
import { renderAgeChart } from '../../src/lib/stale/age-chart.ts';
import { healthData, reviewAgeBuckets, type AgeBucket } from '../../src/lib/stale/health.ts';
import { FIXTURE_CONTENT, ROOT, article, day } from './helpers.ts';

const today = day('2026-11-24');

describe('review age buckets', () => {
  it('puts each article in the bucket of its days since review, lower bound inclusive', () => {
    const articles = [
      article('en/a', { reviewed: '2026-08-27' }), // 89 days
      article('en/b', { reviewed: '2026-08-26' }), // 90 days
      article('en/c', { reviewed: '2025-11-24' }), // 365 days
      article('en/d', { reviewed: '2024-11-24' }), // 730 days
      article('en/e'),
    ];
    expect(reviewAgeBuckets(articles, today).map((b) => [b.id, b.count])).toEqual([
      ['lt90', 1],
      ['90-180', 1],
      ['180-365', 0],
      ['365-730', 1],
      ['gte730', 1],
      ['never', 1],
    ]);
  });

  it('counts a review dated in the future as fresh', () => {
    expect(reviewAgeBuckets([article('en/a', { reviewed: '2027-01-01' })], today)[0]?.count).toBe(1);
  });
});

describe('age chart', () => {
  const buckets: AgeBucket[] = [
    { id: 'lt90', min: 0, max: 90, count: 4 },
    { id: 'never', count: 0 },
  ];
  const svg = renderAgeChart(buckets, {
    title: 'Days since <review>',
    description: 'Articles by age.',
    label: (b) => (b.id === 'never' ? 'never' : 'under 90 days'),
    count: (n) => `${n} articles`,
    idPrefix: 'age',
  });

  it('is an image with a title and a description that carries every number', () => {
    expect(svg).toContain('<svg class="age-chart" role="img" aria-labelledby="age-title age-desc"');
    expect(svg).toContain('<title id="age-title">Days since &lt;review&gt;</title>');
    expect(svg).toContain('<desc id="age-desc">Articles by age. under 90 days: 4 articles; never: 0 articles.</desc>');
  });

  it('shows labels and counts as text, without scripts', () => {
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toEqual(['under 90 days', '4', 'never', '0']);
    expect(svg).not.toMatch(/<script|\bon\w+=/);
  });
});

describe('health data', () => {
  it('counts stale articles per level against the published ones', async () => {
    const data = await healthData({ contentDir: FIXTURE_CONTENT, root: ROOT, today, reviewEvery: 365, git: false });
    expect(data.levels).toEqual([
      { level: 1, stale: 2, total: 4 },
      { level: 2, stale: 1, total: 1 },
      { level: 3, stale: 0, total: 0 },
    ]);
    expect(data.byOwner.map((g) => [g.key, g.entries.length])).toEqual([
      ['@mail-team', 2],
      ['@net-team', 1],
    ]);
  });
});
