import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gapsReport } from '../../src/lib/gaps/analyse.ts';
import { matchTickets } from '../../src/lib/gaps/match-tickets.ts';
import { ROOT, SHARED } from '../helpers/paths.ts';

const EXPORT = join(SHARED, 'tickets/it-service-ticket-classification/all_tickets_processed_improved_v3.partial.csv');
const CONTENT = join(ROOT, 'test/fixtures/gaps/content');
// the fixture knowledge base has articles for these Topic_group labels only
const COVERED = new Set(['Access', 'Hardware', 'Storage']);

describe('gaps on real labelled tickets', async () => {
  const matched = await matchTickets({ contentDir: CONTENT, root: ROOT, files: [EXPORT], map: { id: '@line' } });
  const report = gapsReport(matched);
  const features = new Map(matched.features.map((f) => [f.id, f]));
  const majority = (ids: string[]) => {
    const counts = new Map<string, number>();
    for (const id of ids) {
      const topic = features.get(id)?.topic ?? '?';
      counts.set(topic, (counts.get(topic) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  };

  it('reads every row', () => {
    expect(report.tickets).toMatchObject({ read: 3805, accepted: 3805, rejected: 0 });
  });

  it('links covered topics far more often than uncovered ones', () => {
    const linked = { covered: [0, 0], uncovered: [0, 0] };
    for (const f of features.values()) {
      const side = COVERED.has(f.topic ?? '') ? linked.covered : linked.uncovered;
      side[0]!++;
      if (f.doc !== undefined) side[1]!++;
    }
    const coveredRate = linked.covered[1]! / linked.covered[0]!;
    const uncoveredRate = linked.uncovered[1]! / linked.uncovered[0]!;
    console.log(`link rate: covered topics ${coveredRate.toFixed(3)}, uncovered topics ${uncoveredRate.toFixed(3)}`);
    expect(coveredRate).toBeGreaterThan(2 * uncoveredRate);
  });

  it('puts uncovered topics at the top of the gaps', () => {
    const top = report.gaps.slice(0, 10).map((g) => majority(g.ticketIds));
    console.log(`top 10 gaps by majority label: ${top.join(', ')}`);
    // This export has no effort columns: the order is by volume, less the share of a topic's tickets
    // that come close to an article without matching it. Without that discount the count moved
    // between 6 and 8 with the clustering's seed (large Access and Hardware topics the articles
    // almost answer); with it 8 or 9 for each of seven seeds.
    expect(top.filter((label) => label && !COVERED.has(label)).length).toBeGreaterThanOrEqual(8);
  });

  it('clusters topics well above chance', () => {
    console.log(`purity ${report.evaluation?.purity} over ${report.evaluation?.labelled} unknown tickets in ${report.evaluation?.clusters} clusters`);
    // the largest label holds 24% of the tickets: purity of a single cluster; measured 0.66
    expect(report.evaluation?.purity).toBeGreaterThan(0.6);
  });

  it('gives each gap the JSON contract fields', () => {
    const gap = report.gaps[0]!;
    expect(gap.label.length).toBeGreaterThan(0);
    expect(gap.keywords.length).toBeGreaterThanOrEqual(3);
    expect(gap.ticketIds).toHaveLength(gap.tickets);
    expect(Object.values(gap.levels).reduce((a, b) => a + b, 0)).toBe(gap.tickets);
  });
});
