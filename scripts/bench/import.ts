// Benchmark of `kb import`: the 2,449 real DocFX articles of ../shared/corpus/officedocs-support
// (read in place) imported into a temporary content folder with docs/examples/officedocs-mapping.yaml.
// Prints files, seconds, files/s, pass rate (`kb check` over every written file) and peak RSS.
// The import runs in a child process so the peak RSS is its own. Alone: npx node scripts/bench/import.ts
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CORPUS = resolve(ROOT, '../shared/corpus/officedocs-support');
const SELF = fileURLToPath(import.meta.url);

/** Child side: import, re-check every written file independently, print one JSON line. */
async function child(out: string): Promise<void> {
  const { runImport } = await import('../../src/lib/import/run-import.ts');
  const { readMapping } = await import('../../src/lib/import/mapping.ts');
  const { readTaxonomy } = await import('../../src/lib/content/taxonomy.ts');
  const { runCheck } = await import('../../src/lib/check/run.ts');
  const { summarize } = await import('../../src/lib/import/report.ts');
  const start = performance.now();
  const result = await runImport({
    inputs: [CORPUS],
    outDir: out,
    mapping: readMapping(join(ROOT, 'docs/examples/officedocs-mapping.yaml')),
    taxonomy: readTaxonomy(join(ROOT, 'content')),
    writeTaxonomy: true,
  });
  const seconds = (performance.now() - start) / 1000;
  const summary = summarize(result);
  const checked = await runCheck({ contentDir: out, root: out });
  const passing = checked.files - new Set(checked.findings.filter((f) => f.severity === 'error').map((f) => f.file)).size;
  console.log(
    JSON.stringify({
      files: summary.read,
      written: summary.written,
      rejected: summary.rejected,
      seconds,
      passing,
      warnings: summary.issues.warning,
      maxRssKb: process.resourceUsage().maxRSS,
    }),
  );
}

/** Imports the whole corpus to a temporary folder and reports speed, pass rate and memory. */
export async function run(): Promise<Record<string, number | string>> {
  const out = mkdtempSync(join(tmpdir(), 'kb-import-bench-'));
  try {
    const child = spawnSync(process.execPath, [SELF, '--child', out], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (child.status !== 0) throw new Error(`import benchmark failed: ${child.stderr}`);
    const r = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
      files: number;
      written: number;
      rejected: number;
      seconds: number;
      passing: number;
      warnings: number;
      maxRssKb: number;
    };
    const numbers = {
      'import files': r.files,
      'import written': r.written,
      'import rejected': r.rejected,
      'import seconds': Number(r.seconds.toFixed(1)),
      'import files/s': Math.round(r.files / r.seconds),
      // an article passes when kb check finds no error in it
      'import kb check pass rate %': Number(((r.passing / r.files) * 100).toFixed(2)),
      'import warnings': r.warnings,
      'import peak RSS MB': Math.round(r.maxRssKb / 1024),
    };
    console.log(numbers);
    return numbers;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3]!);
else if (process.argv[1] === SELF) await run();
