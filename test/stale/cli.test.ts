import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_CONTENT, ROOT } from './helpers.ts';

function kb(args: string[], contentDir = FIXTURE_CONTENT) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/kb.ts'), 'stale', '--today', '2026-11-24', '--no-git', ...args], {
    cwd: ROOT,
    env: { ...process.env, KB_CONTENT_DIR: contentDir, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.trim() };
}

describe('kb stale exit codes', () => {
  it('exits 0 with findings when --fail-on is not given', () => {
    const { status, stdout } = kb(['--format', 'json']);
    expect([status, (JSON.parse(stdout) as { articles: unknown[] }).articles.length]).toEqual([0, 3]);
  });

  it('exits 1 when a --fail-on code is found', () => {
    expect(kb(['--fail-on', 'review-overdue,broken-link'])).toMatchObject({
      status: 1,
      stderr: 'kb stale: 2 articles have reasons listed in --fail-on review-overdue,broken-link',
    });
  });

  it('exits 0 when the --fail-on codes are not among the reasons', () => {
    expect(kb(['--fail-on', 'git-unchanged']).status).toBe(0);
  });

  it('applies --fail-on only to the filtered articles', () => {
    expect(kb(['--product', 'network', '--fail-on', 'product-eol']).status).toBe(0);
  });

  it('exits 1 for --fail-on any when anything is stale', () => {
    expect(kb(['--fail-on', 'any']).status).toBe(1);
  });

  it('exits 2 for an unknown --fail-on code', () => {
    const { status, stderr } = kb(['--fail-on', 'review-overdo']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^kb stale: Unexpected --fail-on code "review-overdo", expected any or one of: review-overdue, /);
  });

  it('exits 2 for a day that does not exist', () => {
    expect(kb(['--today', '2026-02-30'])).toMatchObject({ status: 2, stderr: 'kb stale: Unexpected --today "2026-02-30", expected a day as YYYY-MM-DD' });
  });

  it('exits 2 when the content folder cannot be read', () => {
    const missing = join(ROOT, 'test/fixtures/stale/no-such-content');
    expect(kb([], missing)).toMatchObject({
      status: 2,
      stderr: `kb stale: Cannot read content folder ${missing}: it has no articles/ folder (set KB_CONTENT_DIR or run from the project root)`,
    });
  });

  it('prints Markdown', () => {
    const { status, stdout } = kb(['--format', 'markdown', '--group-by', 'product']);
    expect(status).toBe(0);
    expect(stdout.split('\n').filter((line) => line.startsWith('### '))).toEqual(['### mail (2)', '### network (1)']);
  });
});

describe('kb stale without git history', () => {
  it('says so in the report when git is off', () => {
    const { stdout } = kb(['--format', 'json']);
    expect((JSON.parse(stdout) as { warnings: { code: string }[] }).warnings.map((w) => w.code)).toContain('git-off');
  });

  it('warns, by default, that --fail-on git-unchanged could not be checked, instead of passing silently', () => {
    const { status, stderr } = kb(['--fail-on', 'git-unchanged']);
    expect(status).toBe(0);
    expect(stderr).toContain('kb stale: warning: --fail-on git-unchanged could not check git-unchanged: Git history not read (--no-git)');
  });

  it('fails with --without-history fail', () => {
    const { status, stderr } = kb(['--fail-on', 'git-unchanged', '--without-history', 'fail']);
    expect(status).toBe(1);
    expect(stderr).toContain('(--without-history fail)');
  });
});
