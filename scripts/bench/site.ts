import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteCacheDir } from '../../src/integration/index.ts';
import { siteRootDir } from '../../src/lib/built-site/publish.ts';
import { generateKnowledgeBase } from './generate-kb.ts';
import { measureTree, type TreeRun } from './process-tree.ts';
import { directorySize, measureSearch, measureSearchUi, median } from './search-latency.ts';
import { writeStarlightProject } from './starlight-project.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

interface BuildRun {
  seconds: number;
  peakMB: number;
}

/** Builds one site in a child process (fresh memory) and returns its time and peak memory. */
export function timedBuild(root: string, env: NodeJS.ProcessEnv): Promise<BuildRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/bench/run-build.ts'), root], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`build failed (${code}):\n${out.slice(-2000)}`));
      resolvePromise(JSON.parse(last) as BuildRun);
    });
  });
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/**
 * Both our sites (`npm run build` without kb check: both builds at once, Pagefind, link check)
 * against one Starlight site over the same generated articles, in alternating order, from cold
 * caches each time. Wall time, CPU time and peak memory are summed over each process tree, so two
 * builds at once count twice. KB_BENCH_ARTICLES (default 5000) and KB_BENCH_PAIRS (default 2).
 */
export async function run(count = Number(process.env['KB_BENCH_ARTICLES'] ?? 5000)): Promise<Record<string, number | string>> {
  const pairs = Number(process.env['KB_BENCH_PAIRS'] ?? 2);
  const work = await mkdtemp(join(tmpdir(), 'kb-bench-site-'));
  // inside the project, like dist/: both builds run at once there (see scripts/build.ts), and
  // Starlight's packages resolve from the project's node_modules
  await mkdir(join(ROOT, '.astro'), { recursive: true });
  const inside = await mkdtemp(join(ROOT, '.astro/bench-site-'));
  const caches: string[] = [];
  try {
    const contentDir = join(work, 'content');
    const generated = await generateKnowledgeBase(contentDir, count);
    console.log(`site: generated ${generated.length} articles; load average ${load()} (${pairs} pairs, alternating)`);
    const outDir = join(inside, 'dist');
    const starlightDir = join(inside, 'starlight');
    await writeStarlightProject(starlightDir, contentDir);
    const env = { ...process.env, KB_CONTENT_DIR: contentDir, KB_OUT_DIR: outDir };

    // cold content and Vite caches for every run, as on a fresh clone
    caches.push(...['public', 'internal'].map((site) => fileURLToPath(siteCacheDir(contentDir, siteRootDir(ROOT, site, contentDir, outDir), site))));
    const ours = async (): Promise<TreeRun> => {
      await rm(outDir, { recursive: true, force: true });
      for (const dir of caches) await rm(dir, { recursive: true, force: true });
      return measureTree(process.execPath, [join(ROOT, 'scripts/build.ts'), '--skip-check'], { cwd: ROOT, env });
    };
    const starlight = async (): Promise<TreeRun> => {
      await rm(join(starlightDir, 'dist'), { recursive: true, force: true });
      await rm(join(starlightDir, '.astro-cache'), { recursive: true, force: true });
      return measureTree(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: starlightDir, env: process.env });
    };
    const describe = (name: string, r: TreeRun) =>
      `site: ${name} ${r.seconds.toFixed(1)} s wall, ${r.cpuSeconds.toFixed(1)} s CPU, peak ${r.peakMB.toFixed(0)} MB (load ${load()})`;

    const runs = { ours: [] as TreeRun[], starlight: [] as TreeRun[] };
    for (let pair = 0; pair < pairs; pair++) {
      const order = pair % 2 === 0 ? (['ours', 'starlight'] as const) : (['starlight', 'ours'] as const);
      for (const which of order) {
        const result = which === 'ours' ? await ours() : await starlight();
        runs[which].push(result);
        console.log(describe(which === 'ours' ? 'both sites' : 'Starlight', result));
      }
    }

    const started = performance.now();
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts/kb.ts'), 'check', '--format', 'json'], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      maxBuffer: 256 * 2 ** 20,
    });
    const checkSeconds = (performance.now() - started) / 1000;
    if (check.status !== 0) throw new Error(`kb check failed on the generated articles:\n${check.stdout.slice(-2000)}${check.stderr.slice(-2000)}`);

    const sample = generated.find((a) => a.audience === 'public' && a.lang === 'en');
    const queries = [
      'outlook password prompt',
      sample?.errorCode ?? '0x80000001',
      'mailbox migration',
      'teams meeting audio',
      'sharepoint permissions',
      'certificate renewal',
      'calendar sync',
    ];
    const search = await measureSearch(join(outDir, 'public'), queries);
    // the same queries on the Starlight site right after: the same engine under the same load
    const starlightSearch = await measureSearch(join(starlightDir, 'dist'), queries, '/');
    const ui = await measureSearchUi(join(outDir, 'public'), queries);
    const m = (list: TreeRun[], key: 'seconds' | 'cpuSeconds' | 'peakMB') => median(list.map((r) => r[key]));
    const ratio = (key: 'seconds' | 'cpuSeconds' | 'peakMB') => round(m(runs.ours, key) / m(runs.starlight, key));
    return {
      articles: count,
      'runs (alternating pairs)': pairs,
      'load average at the end (1, 5, 15 min)': load(),
      'both sites: wall (s, median)': round(m(runs.ours, 'seconds')),
      'both sites: CPU user+sys (s, median)': round(m(runs.ours, 'cpuSeconds')),
      'both sites: peak memory, all processes (MB, median)': Math.round(m(runs.ours, 'peakMB')),
      'Starlight: wall (s, median)': round(m(runs.starlight, 'seconds')),
      'Starlight: CPU user+sys (s, median)': round(m(runs.starlight, 'cpuSeconds')),
      'Starlight: peak memory (MB, median)': Math.round(m(runs.starlight, 'peakMB')),
      'ratio both sites / Starlight: wall': ratio('seconds'),
      'ratio both sites / Starlight: CPU': ratio('cpuSeconds'),
      'ratio both sites / Starlight: memory': ratio('peakMB'),
      'ratio per pair (wall)': runs.ours.map((r, i) => round(r.seconds / runs.starlight[i]!.seconds)).join(' '),
      'kb check, run before the build by npm run build (s)': round(checkSeconds),
      'index size public (MB)': round((await directorySize(join(outDir, 'public/pagefind'))) / 2 ** 20),
      'index size internal (MB)': round((await directorySize(join(outDir, 'internal/pagefind'))) / 2 ** 20),
      'index size Starlight (MB)': round((await directorySize(join(starlightDir, 'dist/pagefind'))) / 2 ** 20),
      'engine: search load on focus (ms, median of 5 visits)': round(search.initMs),
      'engine: first query (ms)': round(search.firstMs),
      'engine: median of 20 later queries (ms)': round(search.medianMs),
      'Starlight: search load on focus (ms)': round(starlightSearch.initMs),
      'Starlight: first query (ms)': round(starlightSearch.firstMs),
      'Starlight: median of 20 later queries (ms)': round(starlightSearch.medianMs),
      'our search UI: first query, submit to cards (ms)': round(ui.firstMs),
      'our search UI: median of 20 later queries (ms)': round(ui.medianMs),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(inside, { recursive: true, force: true });
    for (const dir of caches) await rm(dir, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
