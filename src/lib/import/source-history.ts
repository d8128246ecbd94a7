import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';

/** What the source repository knows about one file's changes: every day it changed, newest first. */
export interface FileChanges {
  days: string[];
}

/** Per-file change days of the sources, from `git log` of a checkout or a FILE_HISTORY.csv. */
export interface SourceHistory {
  kind: 'git' | 'file-history' | 'none';
  /** Absolute file path -> its change days. */
  files: Map<string, FileChanges>;
  /** What was read, for the report. */
  note: string;
}

/**
 * Reads the history of the folders being imported. A git checkout (the input is inside a work
 * tree) gives every commit day per file; else a `FILE_HISTORY.csv` at an input's root (columns
 * `path`, `git_first_commit_at`, `git_last_commit_at`) gives the first and last day. Neither:
 * `kind: 'none'`, said in the report.
 */
export function readSourceHistory(inputs: string[], cwd: string): SourceHistory {
  const files = new Map<string, FileChanges>();
  const notes: string[] = [];
  let kind: SourceHistory['kind'] = 'none';
  const dirs = new Set(inputs.map((i) => resolve(cwd, i)).map((input) => (existsSync(input) && statSync(input).isDirectory() ? input : dirname(input))));
  const tops = new Set<string>();
  for (const dir of dirs) {
    const top = gitTop(dir);
    if (top && tops.has(top)) continue;
    if (top) tops.add(top);
    if (top) {
      // the whole work tree once: several inputs of one repository share its log
      const read = readGitLog(top, top, files);
      notes.push(`git history of ${read} files from ${top}`);
      kind = 'git';
      continue;
    }
    const csv = join(dir, 'FILE_HISTORY.csv');
    if (existsSync(csv)) {
      const read = readFileHistory(csv, dir, files);
      notes.push(`${read} rows of ${csv}`);
      if (kind === 'none') kind = 'file-history';
    }
  }
  return { kind, files, note: notes.join('; ') || 'no git history and no FILE_HISTORY.csv' };
}

function gitTop(dir: string): string | undefined {
  try {
    const shallow = execFileSync('git', ['-C', dir, 'rev-parse', '--is-shallow-repository'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (shallow === 'true') return undefined; // a shallow clone shows every file as added in one commit: no history to read
    return execFileSync('git', ['-C', dir, 'rev-parse', '--show-toplevel'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function readGitLog(top: string, dir: string, files: Map<string, FileChanges>): number {
  const out = execFileSync('git', ['-C', top, 'log', '--no-renames', '--format=%x00%cs', '--name-only', '--', relative(top, dir) || '.'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let count = 0;
  for (const block of out.split('\0')) {
    const [day, ...paths] = block.split('\n');
    if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) continue;
    for (const path of paths) {
      if (!path) continue;
      const abs = join(top, path.split('/').join(sep));
      let entry = files.get(abs);
      if (!entry) {
        entry = { days: [] };
        files.set(abs, entry);
        count++;
      }
      if (entry.days.at(-1) !== day) entry.days.push(day);
    }
  }
  return count;
}

function readFileHistory(csv: string, root: string, files: Map<string, FileChanges>): number {
  const rows = parseCsv(readFileSync(csv, 'utf8'), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  for (const row of rows) {
    if (!row['path']) continue;
    const days = [row['git_last_commit_at'], row['git_first_commit_at']]
      .map((d) => d?.slice(0, 10))
      .filter((d): d is string => Boolean(d && /^\d{4}-\d{2}-\d{2}$/.test(d)));
    files.set(join(root, row['path'].split('/').join(sep)), { days: [...new Set(days)] });
  }
  return rows.length;
}

/** Files sharing one day before we call it a bulk edit: at least 25 files and 5% of the import. */
export function bulkThreshold(files: number): number {
  return Math.max(25, Math.ceil(files * 0.05));
}

/** Days shared by at least `threshold` of the given values. */
export function bulkDays(days: Iterable<string | undefined>, threshold: number): Set<string> {
  const counts = new Map<string, number>();
  for (const day of days) if (day) counts.set(day, (counts.get(day) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= threshold).map(([day]) => day));
}
