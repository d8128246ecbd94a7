import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateKnowledgeBase } from './generate-kb.ts';
import { measureTree } from './process-tree.ts';
import { importIntuneCorpus } from './search-de.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

/**
 * The agent site over German text, where compound splitting and its vocabulary grow with the
 * words: the Intune corpus imported with `kb import` (with the mapping of docs/examples), and a generated set of German articles
 * (KB_BENCH_ARTICLES, default 5000) with prose from that corpus. Time, CPU and peak memory of
 * `npm run build -- --only internal` (target: under 2.5 GB).
 */
export async function run(count = Number(process.env['KB_BENCH_ARTICLES'] ?? 5000)): Promise<Record<string, number | string>> {
  await mkdir(join(ROOT, '.astro'), { recursive: true });
  // inside the project, like dist/ (see scripts/build.ts)
  const work = await mkdtemp(join(ROOT, '.astro/bench-german-'));
  try {
    const imported = join(work, 'intune-de');
    const { seconds: importSeconds, unlinked } = await importIntuneCorpus(imported);
    // as in the search-de benchmark: the few links of the snapshot that lead nowhere (the build refuses them)
    console.log(`german: ${unlinked} links that lead nowhere unlinked`);
    const generated = join(work, 'generated');
    await generateKnowledgeBase(generated, count, 42, 'de');

    const agentSite = (content: string) =>
      measureTree(process.execPath, [join(ROOT, 'scripts/build.ts'), '--skip-check', '--only', 'internal'], {
        cwd: ROOT,
        env: { ...process.env, KB_CONTENT_DIR: content, KB_OUT_DIR: join(work, 'dist', content === imported ? 'corpus' : 'generated') },
      });
    const corpus = await agentSite(imported);
    console.log(`german: Intune corpus agent site ${corpus.seconds.toFixed(1)} s, peak ${corpus.peakMB.toFixed(0)} MB`);
    const set = await agentSite(generated);
    console.log(`german: ${count} generated German articles, agent site ${set.seconds.toFixed(1)} s, peak ${set.peakMB.toFixed(0)} MB`);
    return {
      'load average at the end (1, 5, 15 min)': loadavg()
        .map((l) => l.toFixed(1))
        .join(' '),
      'import of the Intune corpus (s)': round(importSeconds),
      'Intune corpus agent site: wall (s)': round(corpus.seconds),
      'Intune corpus agent site: CPU (s)': round(corpus.cpuSeconds),
      'Intune corpus agent site: peak memory (MB)': Math.round(corpus.peakMB),
      'generated German articles': count,
      'generated German agent site: wall (s)': round(set.seconds),
      'generated German agent site: CPU (s)': round(set.cpuSeconds),
      'generated German agent site: peak memory (MB)': Math.round(set.peakMB),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
