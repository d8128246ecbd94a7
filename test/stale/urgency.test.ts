import { describe, expect, it } from 'vitest';
import type { StaleEntry } from '../../src/lib/stale/run.ts';
import { actionCsv, actionList } from '../../src/lib/stale/urgency.ts';

function entry(id: string, reasons: StaleEntry['reasons'], owner = '@team'): StaleEntry {
  return { id, path: `content/articles/${id}.mdx`, title: `T ${id}`, lang: id.startsWith('de') ? 'de' : 'en', level: 1, owner, product: 'mail', reasons };
}
const overdue = (days: number) => ({ code: 'review-overdue', message: 'm', severity: 'error' as const, details: { overdueDays: days } });

describe('urgency of the health list', () => {
  it('puts end of support and failing demand first, then overdue by days × use, then warnings and due reviews', () => {
    const rows = actionList(
      [
        entry('en/due', [{ code: 'review-due', message: 'm', severity: 'info' }]),
        entry('en/old', [overdue(10)]),
        entry('en/older', [overdue(300)]),
        entry('en/warn', [{ code: 'git-unchanged', message: 'm', severity: 'warning' }]),
        entry('en/eol', [overdue(5), { code: 'mentions-eol', message: 'm', severity: 'error' }]),
        entry('en/used', [{ ...overdue(10), details: { overdueDays: 10, tickets: 40 } }]),
        entry('en/unhelpful', [{ code: 'unhelpful', message: 'm', severity: 'warning' }]),
      ],
      new Map(),
    );
    expect(rows.map((r) => [r.entry.id, r.urgency])).toEqual([
      ['en/eol', 'now'],
      ['en/unhelpful', 'now'],
      ['en/used', 'overdue'],
      ['en/older', 'overdue'],
      ['en/old', 'overdue'],
      ['en/warn', 'soon'],
      ['en/due', 'due'],
    ]);
  });

  it('lists a translation right after the most urgent version of its pair', () => {
    const rows = actionList(
      [entry('en/a', [overdue(1)]), entry('en/b', [overdue(50)]), entry('de/a', [{ code: 'translation-outdated', message: 'm', severity: 'warning' }])],
      new Map([
        ['en/a', 'a'],
        ['de/a', 'a'],
      ]),
    );
    expect(rows.map((r) => [r.entry.id, r.pairOf])).toEqual([
      ['en/b', undefined],
      ['en/a', undefined],
      ['de/a', 'en/a'],
    ]);
  });

  it('writes CSV that spreadsheets read as text, owner handles included', () => {
    const csv = actionCsv(
      [{ entry: { ...entry('en/a', [overdue(1)]), title: '=HYPERLINK("x"), "quoted"' }, urgency: 'overdue', weight: 1, top: overdue(1) }],
      (p) => `https://e/${p}`,
    );
    expect(csv.split('\r\n')[1]).toBe(
      `overdue,en/a,content/articles/en/a.mdx,"'=HYPERLINK(""x""), ""quoted""",en,1,@team,mail,review-overdue: m,https://e/content/articles/en/a.mdx`,
    );
  });
});
