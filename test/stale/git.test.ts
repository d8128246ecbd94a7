import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGitHistory } from '../../src/lib/stale/git-history.ts';
import { gitProvider } from '../../src/lib/stale/providers/git.ts';
import { article, git, runProvider } from './helpers.ts';

// A real repository whose commits carry old dates: the only honest test of reading git history.
let dir: string;
let repo: string;
const content = () => join(repo, 'content');
const file = (base: string, slug: string) => join(base, 'content', 'articles', 'en', `${slug}.mdx`);
const articlesIn = (base: string) => ['old', 'recent', 'edited', 'later', 'new'].map((slug) => ({ ...article(`en/${slug}`), file: file(base, slug) }));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kb-stale-git-'));
  repo = join(dir, 'repo');
  mkdirSync(join(repo, 'content', 'articles', 'en'), { recursive: true });
  git(repo, ['init', '-q']);
  for (const slug of ['old', 'recent', 'edited']) writeFileSync(file(repo, slug), `# ${slug}\n`);
  writeFileSync(join(repo, 'README.md'), 'outside the content folder\n');
  git(repo, ['add', '.']);
  git(repo, ['commit', '-q', '-m', 'first'], '2024-01-10');
  writeFileSync(file(repo, 'recent'), '# recent, changed\n');
  git(repo, ['commit', '-q', '-am', 'second'], '2026-10-01');
  writeFileSync(join(repo, 'README.md'), 'changed later\n');
  writeFileSync(file(repo, 'later'), '# later\n');
  git(repo, ['add', '.']);
  git(repo, ['commit', '-q', '-m', 'third'], '2026-11-01');
  // uncommitted work and a file never committed
  writeFileSync(file(repo, 'edited'), '# edited now\n');
  writeFileSync(file(repo, 'new'), '# new\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('git history', () => {
  it('reads the last commit of every content file in one log pass', async () => {
    const history = await readGitHistory(content());
    expect(history.status).toBe('ok');
    expect(Object.fromEntries([...history.lastChange].map(([path, date]) => [path, date.toISOString()]))).toEqual({
      'content/articles/en/old.mdx': '2024-01-10T12:00:00.000Z',
      'content/articles/en/recent.mdx': '2026-10-01T12:00:00.000Z',
      'content/articles/en/edited.mdx': '2024-01-10T12:00:00.000Z',
      'content/articles/en/later.mdx': '2026-11-01T12:00:00.000Z',
    });
    expect([...history.modified]).toEqual(['content/articles/en/edited.mdx']);
    expect(history.warnings).toEqual([]);
  });

  it('reports git-unchanged only for files committed longer ago than the threshold', async () => {
    const history = await readGitHistory(content());
    const { reasons } = await runProvider(gitProvider(history, 365), articlesIn(repo), '2026-11-24');
    expect(Object.fromEntries(reasons)).toEqual({
      'en/old': [
        {
          code: 'git-unchanged',
          message: 'File not changed in git for 1049 days (last commit 2024-01-10, threshold 365 days).',
          severity: 'warning',
          details: { lastCommit: '2024-01-10', days: 1049, maxAgeDays: 365 },
        },
      ],
    });
  });

  it('honours a custom threshold', async () => {
    const history = await readGitHistory(content());
    const { reasons } = await runProvider(gitProvider(history, 30), articlesIn(repo), '2026-11-24');
    expect([...reasons.keys()]).toEqual(['en/old', 'en/recent']);
  });

  it('detects a shallow clone, warns, and does not read the boundary commit as a change', async () => {
    const clone = join(dir, 'shallow');
    git(dir, ['clone', '-q', '--depth', '1', `file://${repo}`, clone]);
    const history = await readGitHistory(join(clone, 'content'));
    expect(history.status).toBe('shallow');
    expect(history.lastChange.size).toBe(0);
    const { reasons, warnings } = await runProvider(gitProvider(history, 30), articlesIn(clone), '2026-11-24');
    expect(reasons.size).toBe(0);
    expect(warnings).toEqual([
      {
        code: 'git-shallow',
        message:
          'Shallow git clone: 4 files have no known last change and the git-unchanged rule cannot judge them. ' +
          'Fetch the full history (git fetch --unshallow; in CI, actions/checkout with fetch-depth: 0).',
        details: { unknownFiles: 4 },
      },
    ]);
  });

  it('keeps real dates of commits after the shallow boundary', async () => {
    const clone = join(dir, 'shallow-2');
    // depth 2: "third" and "second" are visible, "second" is the boundary
    git(dir, ['clone', '-q', '--depth', '2', `file://${repo}`, clone]);
    const history = await readGitHistory(join(clone, 'content'));
    expect(history.status).toBe('shallow');
    expect([...history.lastChange].map(([path, date]) => [path, date.toISOString()])).toEqual([['content/articles/en/later.mdx', '2026-11-01T12:00:00.000Z']]);
    expect([...history.unknown].sort()).toEqual(['content/articles/en/edited.mdx', 'content/articles/en/old.mdx', 'content/articles/en/recent.mdx']);
  });

  it('reports a folder outside any repository and skips the rule', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'kb-stale-nogit-'));
    try {
      const history = await readGitHistory(plain);
      const { reasons, warnings } = await runProvider(gitProvider(history), articlesIn(plain), '2026-11-24');
      expect(reasons.size).toBe(0);
      expect(warnings).toEqual([
        {
          code: 'git-unavailable',
          message: `Git history not available (${plain} is not inside a git repository); the git-unchanged rule was skipped.`,
          details: { cause: 'not-a-repository', dir: plain },
        },
      ]);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });
});
