import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { relative } from 'node:path';
import { promisify } from 'node:util';
import type { StaleWarning } from './reason.ts';
import { staleWarning } from './reason-text.ts';

const run = promisify(execFile);

/** Last change of every file below a folder, read from one `git log` pass. */
export interface GitHistory {
  /** `ok`: dates are reliable; `shallow`: some dates are unknown; `unavailable`: no git data at all. */
  status: 'ok' | 'shallow' | 'unavailable';
  /** Absolute real path of the work tree (undefined when unavailable). */
  root?: string;
  /** Work-tree-relative path -> time of the newest commit that touched it. */
  lastChange: Map<string, Date>;
  /**
   * Files whose newest visible commit is a shallow-clone boundary: git shows the whole tree as
   * added there, so the true date of their last change is unknown.
   */
  unknown: Set<string>;
  /** Files with uncommitted changes: they are being worked on now. */
  modified: Set<string>;
  warnings: StaleWarning[];
}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-c', 'core.quotePath=false', ...args], { cwd, maxBuffer: 512 * 1024 * 1024 });
  return stdout;
}

/**
 * Reads the history of `dir` once: `git log --format=%x00%H%x09%ct --name-only -- dir`.
 * Not a git repository (or no git) gives status `unavailable` with a warning instead of throwing;
 * a shallow clone is detected and its boundary commits are not mistaken for real changes.
 */
export async function readGitHistory(dir: string): Promise<GitHistory> {
  const history: GitHistory = { status: 'unavailable', lastChange: new Map(), unknown: new Set(), modified: new Set(), warnings: [] };
  let root: string;
  try {
    root = realpathSync((await git(dir, ['rev-parse', '--show-toplevel'])).trim());
  } catch (error) {
    const cause = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no-git' : 'not-a-repository';
    history.warnings.push(staleWarning('git-unavailable', { cause, dir }));
    return history;
  }
  history.root = root;
  const target = relative(root, realpathSync(dir)) || '.';
  const shallow = (await git(root, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  const boundaries = shallow ? await shallowBoundaries(root) : new Set<string>();
  let log = '';
  try {
    log = await git(root, ['log', '--format=%x00%H%x09%ct', '--name-only', '--', target]);
  } catch (error) {
    // a repository without commits has no history yet: every file is new
    if (!/does not have any commits/.test(String((error as { stderr?: string }).stderr))) throw error;
  }
  for (const entry of log.split('\0')) {
    if (!entry) continue;
    const [head = '', ...files] = entry.split('\n');
    const [hash = '', time = ''] = head.split('\t');
    const date = new Date(Number(time) * 1000);
    const boundary = boundaries.has(hash);
    for (const file of files) {
      if (!file || history.lastChange.has(file) || history.unknown.has(file)) continue;
      if (boundary) history.unknown.add(file);
      else history.lastChange.set(file, date);
    }
  }
  const status = (await git(root, ['status', '--porcelain', '-z', '--', target])).split('\0');
  for (let i = 0; i < status.length; i++) {
    const entry = status[i] ?? '';
    if (entry.length < 4) continue;
    // renames and copies carry the old path as the next entry
    if (entry[0] === 'R' || entry[0] === 'C') i++;
    if (!entry.startsWith('??')) history.modified.add(entry.slice(3));
  }
  history.status = shallow ? 'shallow' : 'ok';
  if (shallow) {
    history.warnings.push(staleWarning('git-shallow', { unknownFiles: history.unknown.size }));
  }
  return history;
}

async function shallowBoundaries(root: string): Promise<Set<string>> {
  const { readFile } = await import('node:fs/promises');
  const file = (await git(root, ['rev-parse', '--path-format=absolute', '--git-path', 'shallow'])).trim();
  const text = await readFile(file, 'utf8').catch(() => '');
  return new Set(text.split('\n').filter(Boolean));
}

/** The work-tree-relative path git uses for an absolute file path. */
export function gitPath(history: GitHistory, file: string): string | undefined {
  if (!history.root) return undefined;
  let real = file;
  try {
    // git reports real paths; a content folder reached through a symlink (/tmp on macOS) must match
    real = realpathSync(file);
  } catch {
    // a file that is gone keeps its given path
  }
  return relative(history.root, real).split('\\').join('/');
}
