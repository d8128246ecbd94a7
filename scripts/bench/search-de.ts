import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { indexSite } from '../../src/integration/pagefind.ts';
import { runCheck } from '../../src/lib/check/run.ts';
import { searchRanking } from '../../src/lib/search/ranking.ts';
import { readSynonyms } from '../../src/lib/search/synonyms.ts';
import { copyWithoutHiddenTerms, knownItemScores, runQueries } from '../../test/helpers/pagefind-search.ts';
import { knownItemQueries, QUERY_KINDS, type KnownItem } from './known-items.ts';
import { measureTree } from './process-tree.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const CORPUS = resolve(ROOT, '../shared/corpus/intune-de');

/**
 * The import keeps a few links of the DocFX source that lead nowhere (anchors that were
 * English in the source, an article the snapshot lacks: 5 in the Intune corpus, reported by
 * `kb check` as broken-link/broken-anchor). The site build refuses broken links, so for
 * measuring search they become their link text.
 */
export async function unlinkBrokenLinks(contentDir: string): Promise<number> {
  const { findings } = await runCheck({ contentDir, root: contentDir });
  let fixed = 0;
  for (const finding of findings.filter((f) => f.ruleId === 'broken-link' || f.ruleId === 'broken-anchor')) {
    const file = join(contentDir, finding.file);
    const lines = readFileSync(file, 'utf8').split('\n');
    const line = lines[finding.line - 1] ?? '';
    const at = finding.column - 1;
    const link = /^\[([^\]]*)\]\([^)]*\)/.exec(line.slice(at));
    if (!link) continue;
    lines[finding.line - 1] = line.slice(0, at) + link[1] + line.slice(at + link[0].length);
    writeFileSync(file, lines.join('\n'));
    fixed++;
  }
  return fixed;
}

/**
 * The Intune corpus imported with `kb import` and the mapping of docs/examples into `out`, its
 * links that lead nowhere unlinked (above): what the German benchmarks build. Returns the
 * import's report of languages, how many links were unlinked and the import's seconds.
 */
export async function importIntuneCorpus(out: string): Promise<{ languages: Record<string, Record<string, number>>; unlinked: number; seconds: number }> {
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, 'scripts/kb.ts'),
      'import',
      CORPUS,
      '--mapping',
      join(ROOT, 'docs/examples/intune-de-mapping.yaml'),
      '--out',
      out,
      '--fail-on',
      'none',
      '--format',
      'json',
    ],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 },
  );
  if (result.status !== 0) throw new Error(`kb import failed:\n${result.stderr.slice(-2000)}`);
  const seconds = (performance.now() - started) / 1000;
  const report = JSON.parse(result.stdout) as { languages: Record<string, Record<string, number>> };
  return { languages: report.languages, unlinked: await unlinkBrokenLinks(out), seconds };
}

/** The imported German articles: URL, title and text. */
export function readImportedArticles(contentDir: string): KnownItem[] {
  const dir = join(contentDir, 'articles/de');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const front = /^---\n([^]*?)\n---\n/.exec(text);
      const data = (front ? parse(front[1]!) : {}) as { title?: string; summary?: string; draft?: boolean; state?: string };
      return {
        url: `/de/articles/${file.replace(/\.mdx$/, '')}/`,
        title: String(data.title ?? ''),
        text: `${data.title ?? ''} ${data.summary ?? ''} ${text.slice(front?.[0].length ?? 0)}`,
        state: data.state,
      };
    })
    .filter((a) => a.title && a.state !== 'draft');
}

/**
 * German search quality (issue 10): the Intune corpus (635 German articles) imported with
 * `kb import` and built as the agent site, then known-item queries made from titles with a
 * fixed seed in four kinds (scripts/bench/known-items.ts), run in Chromium against our index
 * (hidden compound parts, word forms and synonyms; `searchRanking`) and against plain Pagefind
 * over the same pages (the hidden fields removed, default ranking). Prints hit@1, hit@5 and
 * MRR per kind, and the build time. KB_BENCH_IMPORT=<dir> reuses an earlier import.
 */
export async function run(): Promise<Record<string, number | string>> {
  mkdirSync(join(ROOT, '.astro'), { recursive: true });
  const work = await mkdtemp(join(ROOT, '.astro/bench-search-de-'));
  try {
    let imported = process.env['KB_BENCH_IMPORT'];
    if (!imported || !existsSync(imported)) {
      imported = join(work, 'intune-de');
      const { languages, unlinked } = await importIntuneCorpus(imported);
      console.log(`search-de: imported, languages ${JSON.stringify(languages)}; ${unlinked} links that lead nowhere unlinked`);
    } else console.log(`search-de: ${await unlinkBrokenLinks(imported)} links that lead nowhere unlinked`);
    // KB_BENCH_SITE=<a kept run's folder>: query its two sites again without building
    const reuse = process.env['KB_BENCH_SITE'];
    const out = reuse ? join(reuse, 'dist') : join(work, 'dist');
    const build = reuse
      ? { seconds: 0, cpuSeconds: 0, output: '' }
      : await measureTree(process.execPath, [join(ROOT, 'scripts/build.ts'), '--skip-check', '--only', 'internal'], {
          cwd: ROOT,
          env: { ...process.env, KB_CONTENT_DIR: imported, KB_OUT_DIR: out },
        });
    const ours = join(out, 'internal');
    if (!existsSync(join(ours, 'pagefind'))) throw new Error(`the build wrote no index:\n${build.output.slice(-3000)}`);
    const plain = reuse ? join(reuse, 'plain') : join(work, 'plain');
    if (!reuse) copyWithoutHiddenTerms(ours, plain);
    const plainStarted = performance.now();
    if (!reuse) await indexSite(plain);
    const plainIndexSeconds = (performance.now() - plainStarted) / 1000;

    const items = readImportedArticles(imported);
    const queries = knownItemQueries(items, readSynonyms(imported).de, 42, 100);
    const [oursResults, plainResults] = [
      await runQueries(
        ours,
        'de',
        queries.map((q) => q.query),
        { ranking: searchRanking },
      ),
      await runQueries(
        plain,
        'de',
        queries.map((q) => q.query),
      ),
    ];
    const row: Record<string, number | string> = {
      'load average at the end (1, 5, 15 min)': loadavg()
        .map((l) => l.toFixed(1))
        .join(' '),
      'German articles': items.length,
      'agent site build: wall (s)': round(build.seconds),
      'agent site build: CPU (s)': round(build.cpuSeconds),
      'plain Pagefind index of the same pages (s)': round(plainIndexSeconds),
    };
    const table: Record<string, Record<string, string | number>> = {};
    for (const kind of QUERY_KINDS) {
      const idx = queries.map((q, i) => (q.kind === kind ? i : -1)).filter((i) => i >= 0);
      const expected = idx.map((i) => queries[i]!.expected);
      const a = knownItemScores(
        idx.map((i) => oursResults[i]!),
        expected,
      );
      const b = knownItemScores(
        idx.map((i) => plainResults[i]!),
        expected,
      );
      table[kind] = {
        n: a.n,
        'hit@1 ours': f(a.hit1),
        'hit@5 ours': f(a.hit5),
        'MRR ours': f(a.mrr),
        'hit@1 plain': f(b.hit1),
        'hit@5 plain': f(b.hit5),
        'MRR plain': f(b.mrr),
      };
      for (const [k, v] of Object.entries(table[kind]!)) row[`${kind}: ${k}`] = v;
    }
    console.table(table);
    if (process.env['KB_BENCH_SHOW_MISSES']) {
      queries.forEach((q, i) => {
        if (!oursResults[i]!.some((url) => q.expected.includes(url)))
          console.log(`miss [${q.kind}] "${q.query}" -> ${q.expected[0]}; got ${oursResults[i]!.slice(0, 3).join(' ')}`);
      });
    }
    return row;
  } finally {
    if (!process.env['KB_BENCH_KEEP']) await rm(work, { recursive: true, force: true });
    else console.log(`search-de: kept ${work}`);
  }
}

function f(value: number): string {
  return value.toFixed(2);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
