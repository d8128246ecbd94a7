import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatFindingLine,
  formatGithub,
  formatJson,
  formatMarkdown,
  fromImportIssue,
  fromStaleReason,
  fromTicketProblem,
  type Finding,
} from '../../src/lib/findings.ts';
import { ROOT } from '../helpers/paths.ts';

const finding: Finding = {
  file: 'articles/en/a.mdx',
  line: 3,
  column: 5,
  ruleId: 'broken-link',
  severity: 'error',
  message: 'Unexpected link to missing article `en/x`, expected an existing article',
  hint: 'Link by site path.',
};

describe('formatFindingLine', () => {
  it('writes path:line:col: severity message [rule]', () => {
    expect(formatFindingLine(finding)).toBe(
      'articles/en/a.mdx:3:5: error Unexpected link to missing article `en/x`, expected an existing article [broken-link]',
    );
    expect(formatFindingLine(finding, (s) => s.toUpperCase())).toContain(': ERROR Unexpected');
  });
});

describe('formatGithub', () => {
  it('writes one workflow command per finding, escaped, titled by its source and rule', () => {
    const text = formatGithub([
      finding,
      { ...fromStaleReason('articles/en/b.mdx', { code: 'review-overdue', message: 'Review: 100%\ndue', severity: 'warning' }) },
    ]);
    expect(text.split('\n')).toEqual([
      '::error file=articles/en/a.mdx,line=3,col=5,title=kb check%3A broken-link::Unexpected link to missing article `en/x`, expected an existing article%0ALink by site path.',
      '::warning file=articles/en/b.mdx,line=1,col=1,title=kb stale%3A review-overdue::Review: 100%25%0Adue',
    ]);
  });
});

describe('formatMarkdown', () => {
  it('writes a table whose cells cannot break out of their cell or inject markup', () => {
    const table = formatMarkdown([{ ...finding, message: 'a | b <img src=x onerror=alert(1)>\nnext' }]);
    const rows = table.split('\n');
    expect(rows).toHaveLength(3);
    expect(rows[2]).toBe('| articles/en/a.mdx:3:5 | error | a \\| b &lt;img src=x onerror=alert(1)&gt; next (Link by site path.) | broken-link |');
    expect(formatMarkdown([])).toBe('');
  });
});

describe('formatJson', () => {
  it('keeps every field and names the source', () => {
    expect(JSON.parse(formatJson([finding]))).toEqual([{ ...finding, source: 'kb check' }]);
  });
});

describe('adapters into the one shape', () => {
  it('maps an import issue, a stale reason and a ticket rejection', () => {
    expect(
      fromImportIssue({ file: 'a.md', line: 2, column: 1, severity: 'warning', rule: 'frontmatter-typo', reason: 'Unexpected key', hint: 'Rename it.' }),
    ).toEqual({
      file: 'a.md',
      line: 2,
      column: 1,
      ruleId: 'frontmatter-typo',
      severity: 'warning',
      message: 'Unexpected key',
      hint: 'Rename it.',
      source: 'kb import',
    });
    expect(fromStaleReason('articles/en/a.mdx', { code: 'broken-link', message: 'Links to a missing article.', severity: 'error' })).toMatchObject({
      file: 'articles/en/a.mdx',
      line: 1,
      ruleId: 'broken-link',
      source: 'kb stale',
    });
    expect(fromTicketProblem({ file: 't.csv', line: 7, rule: 'ragged-row', reason: 'Unexpected 3 cells, expected 5' })).toEqual({
      file: 't.csv',
      line: 7,
      column: 1,
      ruleId: 'ragged-row',
      severity: 'warning',
      message: 'Unexpected 3 cells, expected 5',
      source: 'kb gaps',
    });
  });
});

describe('--format github on every report command', () => {
  const kb = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [join(ROOT, 'scripts/kb.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  it('kb check, kb stale, kb import and kb gaps print annotations', () => {
    const check = kb(['check', '--format', 'github'], { KB_CONTENT_DIR: join(ROOT, 'test/fixtures/check/cases/unknown-tag') });
    expect(check.stdout).toMatch(/^::error file=.*title=kb check%3A taxonomy::/m);
    const stale = kb(['stale', '--format', 'github', '--today', '2030-01-01'], { KB_CONTENT_DIR: join(ROOT, 'test/fixtures/gaps/content') });
    expect(stale.stdout).toMatch(/^::(error|warning|notice) file=.*title=kb stale%3A review-overdue::/m);
    const imported = kb(['import', 'test/fixtures/import/docfx', '--dry-run', '--format', 'github']);
    expect(imported.stdout).toMatch(/^::warning file=.*title=kb import%3A frontmatter-typo::/m);
    const gaps = kb(['gaps', '--tickets', 'test/fixtures/tickets/malformed/12-ragged-rows.csv', '--format', 'github'], {
      KB_CONTENT_DIR: join(ROOT, 'test/fixtures/gaps/content'),
    });
    expect(gaps.stdout).toMatch(/^::warning file=test\/fixtures\/tickets\/malformed\/12-ragged-rows.csv,line=\d+,col=1,title=kb gaps%3A ragged-row::/m);
  });
  it('kb check prints a Markdown table for a pull-request comment (here: a content folder without taxonomy)', () => {
    const check = kb(['check', '--format', 'markdown'], { KB_CONTENT_DIR: join(ROOT, 'test/fixtures/check/cases/unknown-tag') });
    expect(check.stdout).toContain('| place | severity | message | rule |');
    expect(check.stdout).toMatch(/\| taxonomy \|\n\n1 error/);
  });
});
