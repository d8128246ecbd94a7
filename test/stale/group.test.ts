import { describe, expect, it } from 'vitest';
import { countByCode, groupEntries, summarize } from '../../src/lib/stale/group.ts';
import type { StaleReason } from '../../src/lib/stale/reason.ts';
import type { StaleEntry, StaleReport } from '../../src/lib/stale/run.ts';

function reason(code: string): StaleReason {
  return { code, message: `${code} message`, severity: 'warning' };
}

function entry(id: string, owner: string, product: string, codes: string[]): StaleEntry {
  return { id, path: `content/articles/${id}.mdx`, title: id, lang: id.startsWith('de/') ? 'de' : 'en', level: 1, owner, product, reasons: codes.map(reason) };
}

const entries: StaleEntry[] = [
  entry('en/vpn-drops', '@it-network', 'network', ['review-overdue', 'broken-link']),
  entry('en/printer-offline', '@it-workplace', 'printing', ['review-overdue']),
  entry('de/outlook-startet-nicht', '@it-messaging', 'mail', ['product-eol', 'review-overdue']),
  entry('en/outlook-crash', '@it-messaging', 'mail', ['never-reviewed']),
  entry('de/drucker-offline', '@it-workplace', 'printing', ['broken-link', 'broken-link']),
  entry('en/wifi-slow', '@it-network', 'network', ['review-due']),
  entry('en/teams-audio', '@it-workplace', 'collaboration', ['review-due']),
];

const ids = (list: readonly StaleEntry[]) => list.map((e) => e.id);

describe('groupEntries', () => {
  it("groups by owner, owners in alphabetical order, each article in its owner's group only", () => {
    const groups = groupEntries(entries, 'owner');
    expect(groups.map((g) => g.key)).toEqual(['@it-messaging', '@it-network', '@it-workplace']);
    for (const group of groups) expect(group.entries.every((e) => e.owner === group.key)).toBe(true);
    expect(groups.flatMap((g) => g.entries).length).toBe(entries.length);
  });

  it("orders an owner's articles by product, then id", () => {
    const workplace = groupEntries(entries, 'owner').find((g) => g.key === '@it-workplace')!;
    expect(ids(workplace.entries)).toEqual(['en/teams-audio', 'de/drucker-offline', 'en/printer-offline']);
  });

  it('groups by product, products in alphabetical order', () => {
    const groups = groupEntries(entries, 'product');
    expect(groups.map((g) => [g.key, ids(g.entries)])).toEqual([
      ['collaboration', ['en/teams-audio']],
      ['mail', ['de/outlook-startet-nicht', 'en/outlook-crash']],
      ['network', ['en/vpn-drops', 'en/wifi-slow']],
      ['printing', ['de/drucker-offline', 'en/printer-offline']],
    ]);
  });

  it('gives one group with an empty key for none, in product and id order', () => {
    const groups = groupEntries(entries, 'none');
    expect(groups).toHaveLength(1);
    expect(groups[0]!.key).toBe('');
    expect(ids(groups[0]!.entries)).toEqual([
      'en/teams-audio',
      'de/outlook-startet-nicht',
      'en/outlook-crash',
      'en/vpn-drops',
      'en/wifi-slow',
      'de/drucker-offline',
      'en/printer-offline',
    ]);
  });

  it('gives the same groups whatever order the report lists the articles in', () => {
    for (const by of ['owner', 'product', 'none'] as const) expect(groupEntries([...entries].reverse(), by)).toEqual(groupEntries(entries, by));
  });

  it("leaves the report's own list as it was", () => {
    const copy = [...entries];
    groupEntries(entries, 'owner');
    expect(entries).toEqual(copy);
  });

  it('has no groups for no articles, except the one list for none', () => {
    expect(groupEntries([], 'owner')).toEqual([]);
    expect(groupEntries([], 'none')).toEqual([{ key: '', entries: [] }]);
  });
});

describe('countByCode', () => {
  it('counts articles per reason code, an article once per code even when it has the reason twice', () => {
    const counts = new Map(countByCode(entries));
    expect(counts.get('review-overdue')).toBe(3);
    expect(counts.get('broken-link')).toBe(2);
    expect(counts.get('product-eol')).toBe(1);
  });

  it('lists the most frequent code first, equal counts by code', () => {
    expect(countByCode(entries)).toEqual([
      ['review-overdue', 3],
      ['broken-link', 2],
      ['review-due', 2],
      ['never-reviewed', 1],
      ['product-eol', 1],
    ]);
  });
});

describe('summarize', () => {
  it('counts checked, stale, skipped and ignored articles and the reasons, for the JSON output', () => {
    const report: StaleReport = {
      today: '2026-11-24',
      checked: 40,
      ignored: { draft: 3, archived: 2 },
      skipped: [{ id: 'en/broken', path: 'content/articles/en/broken.mdx', issues: [{ line: 2, column: 1, field: 'level', message: 'Missing `level`' }] }],
      warnings: [],
      articles: entries,
    };
    const summary = summarize(report);
    expect(summary).toEqual({
      checked: 40,
      stale: entries.length,
      skipped: 1,
      ignored: { draft: 3, archived: 2 },
      byCode: Object.fromEntries(countByCode(entries)),
    });
    // as JSON, the codes keep the most-frequent-first order
    expect(Object.keys(JSON.parse(JSON.stringify(summary)).byCode)[0]).toBe('review-overdue');
  });
});
