// Shared by the stale-history bench and test/data/stale-history.test.ts: which articles the
// lifecycle rules flag on a given day, for a content folder imported from DocFX sources.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMapping } from '../../src/lib/import/mapping.ts';
import { runImport } from '../../src/lib/import/run-import.ts';
import { readTaxonomy } from '../../src/lib/content/taxonomy.ts';
import { parseDay } from '../../src/lib/dates.ts';
import { runStale } from '../../src/lib/stale/run.ts';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const CORPUS = resolve(ROOT, '../shared/corpus/officedocs-support');
/** Reasons that count as "flagged by a lifecycle or content reason" (at error or warning). */
export const LIFECYCLE_CODES = new Set(['product-eol', 'eol-soon', 'mentions-eol']);

/** An article the publisher retired: its source path, the day it was deleted, its last text, where its address now leads. */
export interface Retired {
  path: string;
  day: string;
  text: string;
  redirect: string;
}

/**
 * Where a retired article's address leads, read from the redirect's URL:
 * - `notice`: a retirement or end-of-support page (`/previous-versions/troubleshoot/content-retirement`,
 *   `/skypeforbusiness/troubleshoot/sfbonline-end-of-support`, lifecycle pages);
 * - `archive`: the article kept unchanged under `/previous-versions/`;
 * - `landing`: a product's front page (`https://support.microsoft.com/Word`, `/sharepoint/support/online`);
 * - `article`: one other live article (a support.microsoft.com article id, a Learn page): its subject
 *   was moved or merged there, so it did not go out of date.
 */
export type RedirectKind = 'notice' | 'archive' | 'landing' | 'article';

export function redirectKind(url: string): RedirectKind {
  const { pathname } = new URL(url, 'https://learn.microsoft.com/');
  if (/content-retirement|end-of-support|\/lifecycle\//i.test(pathname)) return 'notice';
  if (pathname.includes('/previous-versions/')) return 'archive';
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length <= 1 || /\/(support\/online|troubleshoot)\/?$/i.test(pathname)) return 'landing';
  return 'article';
}

/**
 * Retired articles from the source repository's history: files deleted (not moved: git's rename
 * detection tells them apart) in some commit whose path
 * the redirection file lists (the publisher redirected them away), with the text they had just
 * before. `gitDir` is a clone (or mirror) of MicrosoftDocs/OfficeDocs-Support.
 */
export function retiredFromGit(gitDir: string, redirectionFile: string): Retired[] {
  const redirected = new Map(
    (JSON.parse(readFileSync(redirectionFile, 'utf8')) as { redirections: { source_path: string; redirect_url: string }[] }).redirections.map((r) => [
      r.source_path,
      r.redirect_url,
    ]),
  );
  const log = execFileSync('git', ['--git-dir', gitDir, 'log', '--diff-filter=D', '--name-only', '--format=%x00%H %cs', 'HEAD'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const seen = new Set<string>();
  const retired: Retired[] = [];
  for (const block of log.split('\0')) {
    const [head, ...paths] = block.split('\n');
    const [commit, day] = (head ?? '').split(' ');
    if (!commit || !day) continue;
    for (const path of paths) {
      const redirect = path && redirected.get(path);
      if (!redirect || seen.has(path)) continue;
      seen.add(path);
      const text = execFileSync('git', ['--git-dir', gitDir, 'show', `${commit}^:${path}`], { encoding: 'utf8', maxBuffer: 1 << 26 });
      retired.push({ path, day, text, redirect });
    }
  }
  return retired;
}

/** Writes sources into `dir` under their paths (so relative links and includes stay where they were). */
export function writeSources(dir: string, files: { path: string; text: string }[]): void {
  for (const file of files) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.text);
  }
}

/** Imports DocFX sources with the project's own mapping; returns source path (relative to `source`) -> article id. */
export async function importDocfx(inputs: string[], outDir: string, options: { history?: boolean } = {}): Promise<Map<string, string>> {
  const result = await runImport({
    inputs,
    outDir,
    mapping: readMapping(join(ROOT, 'docs/examples/officedocs-mapping.yaml')),
    taxonomy: readTaxonomy(join(ROOT, 'content')),
    writeTaxonomy: true,
    lifecycleDir: join(ROOT, 'content/lifecycle'),
    history: options.history ?? true,
    cwd: ROOT,
  });
  const ids = new Map<string, string>();
  for (const file of result.files) if (file.status === 'written') ids.set(file.source, file.id);
  return ids;
}

/** Ids of articles with a lifecycle reason at error or warning on `day`, and the reasons, for a content folder. */
export async function flaggedOn(contentDir: string, day: string): Promise<{ checked: number; flagged: Map<string, { code: string; message: string }[]> }> {
  const today = parseDay(day);
  if (!today) throw new Error(`bad day ${day}`);
  const { report } = await runStale({ contentDir, root: ROOT, today, reviewEvery: 365, git: false });
  const flagged = new Map<string, { code: string; message: string }[]>();
  for (const article of report.articles) {
    const reasons = article.reasons.filter((r) => LIFECYCLE_CODES.has(r.code) && r.severity !== 'info');
    if (reasons.length)
      flagged.set(
        article.id,
        reasons.map((r) => ({ code: r.code, message: r.message })),
      );
  }
  return { checked: report.checked, flagged };
}
