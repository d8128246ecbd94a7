import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { directorySize, measureSearch } from './search-latency.ts';
import { timedBuild } from './site.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const CORPUS = resolve(ROOT, '../shared/corpus/officedocs-support');

function kb(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts/kb.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
  });
}

/**
 * The real corpus at real scale: the 2,449 OfficeDocs support articles imported with `kb import`,
 * checked with `kb check`, built into both sites, and searched in Chromium.
 */
export async function run(): Promise<Record<string, number | string>> {
  await mkdir(join(ROOT, 'node_modules/.cache'), { recursive: true });
  // inside the project so Astro's temporary build files stay with this build (see site.ts)
  const work = await mkdtemp(join(ROOT, 'node_modules/.cache/kb-bench-corpus-'));
  try {
    const content = join(work, 'content');
    let started = performance.now();
    const imported = kb([
      'import',
      CORPUS,
      '--mapping',
      join(ROOT, 'docs/examples/officedocs-mapping.yaml'),
      '--out',
      content,
      '--fail-on',
      'none',
      '--format',
      'json',
    ]);
    const importSeconds = (performance.now() - started) / 1000;
    if (imported.status !== 0) throw new Error(`kb import failed:\n${imported.stderr.slice(-2000)}`);
    started = performance.now();
    const checked = kb(['check', '--format', 'json'], { KB_CONTENT_DIR: content });
    const checkSeconds = (performance.now() - started) / 1000;
    const findings = JSON.parse(checked.stdout) as { summary: { files: number; error: number }; findings: { file: string; severity: string }[] };
    const failing = new Set(findings.findings.filter((f) => f.severity === 'error').map((f) => f.file)).size;
    const files = findings.summary.files;
    console.log(`corpus: imported ${files} articles in ${importSeconds.toFixed(1)} s, ${failing} with kb check errors`);
    const env = { KB_CONTENT_DIR: content, KB_OUT_DIR: join(work, 'dist') };
    started = performance.now();
    const pub = await timedBuild(ROOT, { ...env, KB_AUDIENCE: 'public' });
    const internal = await timedBuild(ROOT, { ...env, KB_AUDIENCE: 'internal' });
    const buildSeconds = (performance.now() - started) / 1000;
    const search = await measureSearch(join(work, 'dist/public'), [
      'outlook password prompt',
      '0x800CCC0E',
      'mailbox migration',
      'teams meeting audio',
      'sharepoint permissions',
      'exchange hybrid',
      'calendar sync',
    ]);
    return {
      'corpus articles': files,
      'import (s)': round(importSeconds),
      'kb check (s)': round(checkSeconds),
      'pass kb check (%)': round((100 * (files - failing)) / files),
      'build both sites (s)': round(buildSeconds),
      'peak memory public (MB)': Math.round(pub.peakMB),
      'peak memory internal (MB)': Math.round(internal.peakMB),
      'index size public (MB)': round((await directorySize(join(work, 'dist/public/pagefind'))) / 2 ** 20),
      'search load on focus (ms)': round(search.initMs),
      'first query (ms)': round(search.firstMs),
      'median of 20 later queries (ms)': round(search.medianMs),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
