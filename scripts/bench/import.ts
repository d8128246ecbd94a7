// Benchmark of `kb import`: the 2,449 real DocFX articles of ../shared/corpus/officedocs-support
// (read in place) imported into a temporary content folder with docs/examples/officedocs-mapping.yaml.
// Prints files, seconds, files/s, pass rate (schema + MDX parse of every written file, and `kb check`) and peak RSS.
// The import runs in a child process so the peak RSS is its own. Alone: npx node scripts/bench/import.ts
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
  const { readArticles } = await import('../../src/lib/content/read-articles.ts');
  const { summarize } = await import('../../src/lib/import/report.ts');
  const { unified } = await import('unified');
  const { default: remarkParse } = await import('remark-parse');
  const { default: remarkGfm } = await import('remark-gfm');
  const { default: remarkMdx } = await import('remark-mdx');
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
  const mdx = unified().use(remarkParse).use(remarkGfm).use(remarkMdx);
  const articles = await readArticles(out, out);
  const passing = articles.filter((a) => {
    if (a.issues.length) return false;
    try {
      mdx.parse(readFileSync(a.file, 'utf8').replace(/^---\n[^]*?\n---\n/, ''));
      return true;
    } catch {
      return false;
    }
  }).length;
  console.log(JSON.stringify({ files: summary.read, written: summary.written, rejected: summary.rejected, seconds, passing, warnings: summary.issues.warning, maxRssKb: process.resourceUsage().maxRSS }));
}

/** Imports the whole corpus to a temporary folder and reports speed, pass rate and memory. */
export async function run(): Promise<Record<string, number | string>> {
  const out = mkdtempSync(join(tmpdir(), 'kb-import-bench-'));
  try {
    const child = spawnSync(process.execPath, [SELF, '--child', out], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (child.status !== 0) throw new Error(`import benchmark failed: ${child.stderr}`);
    const r = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { files: number; written: number; rejected: number; seconds: number; passing: number; warnings: number; maxRssKb: number };
    // `kb check` over the imported folder is the pass rate that counts: an article passes without errors.
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts/kb.ts'), 'check', '--format', 'json'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, KB_CONTENT_DIR: out }, maxBuffer: 256 * 1024 * 1024 });
    let checkPass: number | string = 'n/a';
    try {
      const findings = (JSON.parse(check.stdout) as { findings: { file: string; severity: string }[] }).findings;
      const failing = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.file)).size;
      checkPass = Number((((r.written - failing) / r.files) * 100).toFixed(2));
    } catch {
      checkPass = `kb check gave no JSON (exit ${check.status})`;
    }
    const numbers = {
      'import files': r.files,
      'import written': r.written,
      'import rejected': r.rejected,
      'import seconds': Number(r.seconds.toFixed(1)),
      'import files/s': Math.round(r.files / r.seconds),
      'import pass rate % (schema + MDX)': Number(((r.passing / r.files) * 100).toFixed(2)),
      'import kb check pass rate %': checkPass,
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
