import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { mapFrontmatter } from '../../src/lib/import/frontmatter.ts';
import { IssueSink } from '../../src/lib/import/issues.ts';
import { mappingSchema, mergeMapping } from '../../src/lib/import/mapping.ts';
import { honestReviewDates } from '../../src/lib/import/review-dates.ts';
import { readSourceHistory, type SourceHistory } from '../../src/lib/import/source-history.ts';

/** 30 files: 26 share 2024-01-24 (a bulk edit), 4 have their own dates. */
function items() {
  return Array.from({ length: 30 }, (_, i) => ({
    path: `/src/a${i}.md`,
    data: { reviewed: i < 26 ? '2024-01-24' : `2023-0${(i % 9) + 1}-15` } as Record<string, unknown>,
    sink: new IssueSink(`a${i}.md`),
  }));
}

describe('honest review dates in kb import', () => {
  it('replaces a bulk-set day by the newest change of the file on a day that was not a bulk day', () => {
    const list = items();
    const files = new Map(list.map((item, i) => [item.path, { days: i === 0 ? ['2024-08-15', '2022-05-03', '2021-01-01'] : ['2024-08-15'] }]));
    const history: SourceHistory = { kind: 'git', files, note: 'git history of 30 files' };
    const summary = honestReviewDates(list, history);
    expect(summary).toMatchObject({ history: 'git', threshold: 25, bulk: [{ day: '2024-01-24', files: 26 }], fromHistory: 1, cleared: 25 });
    // 2024-08-15 is itself a bulk day in the history (all 30 files changed then)
    expect(list[0]!.data['reviewed']).toBe('2022-05-03');
    expect(list[0]!.sink.issues[0]).toMatchObject({ rule: 'reviewed-from-history', severity: 'info' });
    expect(list[1]!.data['reviewed']).toBeUndefined();
    expect(list[1]!.sink.issues[0]?.reason).toContain('`reviewed` 2024-01-24 is shared by 26 files (a bulk edit, not a review): reviewed left empty');
    // dates of their own stay
    expect(list[29]!.data['reviewed']).toBe('2023-03-15');
    expect(list[29]!.sink.issues).toEqual([]);
  });

  it('says when there was no history to fall back on', () => {
    const list = items();
    honestReviewDates(list, { kind: 'none', files: new Map(), note: 'none' });
    expect(list[3]!.sink.issues[0]?.reason).toContain('no source history was found');
  });

  it('reads FILE_HISTORY.csv beside the sources when they are not a git checkout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-history-'));
    try {
      writeFileSync(
        join(dir, 'FILE_HISTORY.csv'),
        'path,git_first_commit_at,git_last_commit_at,git_last_commit,n_commits_touching,frontmatter_ms_date\nx/a.md,2020-11-03T14:10:55+08:00,2024-08-15T18:35:07+08:00,abc,14,01/24/2024\n',
      );
      const history = readSourceHistory([dir], dir);
      expect(history.kind).toBe('file-history');
      expect(history.files.get(join(dir, 'x/a.md'))).toEqual({ days: ['2024-08-15', '2020-11-03'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('one source field to several targets', () => {
  it('sends appliesto to versions as written and to product by rule', () => {
    const mapping = mergeMapping(
      mappingSchema.parse(
        parse(`
fields:
  appliesto:
    - to: versions
    - to: product
      values: [{ match: 'Exchange|Outlook', to: mail }]
`),
      ),
    );
    const source = new Map([['appliesto', { value: ['Exchange Server 2010 Enterprise', 'Outlook 2013'], place: { line: 2, column: 1 } }]]);
    const data = mapFrontmatter(source, mapping, new IssueSink('a.md'), new Map());
    expect(data).toMatchObject({ product: 'mail', versions: ['Exchange Server 2010 Enterprise', 'Outlook 2013'] });
  });
});
