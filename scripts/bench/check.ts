import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCheck } from '../../src/lib/check/run.ts';
import { generateKnowledgeBase } from './generate-kb.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

/** `kb check` over a generated knowledge base: in process, then end to end through the CLI. */
export async function run(count = Number(process.env['KB_BENCH_ARTICLES'] ?? 5000)): Promise<Record<string, number | string>> {
  const work = await mkdtemp(join(tmpdir(), 'kb-bench-check-'));
  try {
    await generateKnowledgeBase(work, count);
    const started = performance.now();
    const result = await runCheck({ contentDir: work, root: work });
    const seconds = (performance.now() - started) / 1000;
    const cliStarted = performance.now();
    const cli = spawnSync(process.execPath, [join(ROOT, 'scripts/kb.ts'), 'check', '--format', 'json'], {
      cwd: ROOT,
      env: { ...process.env, KB_CONTENT_DIR: work },
      encoding: 'utf8',
      maxBuffer: 512 * 2 ** 20,
    });
    const cliSeconds = (performance.now() - cliStarted) / 1000;
    if (cli.status === 2 || cli.stdout === '') throw new Error(`kb check failed: ${cli.stderr}`);
    return {
      articles: count,
      'check in process (s)': Math.round(seconds * 100) / 100,
      'files per second': Math.round(count / seconds),
      'kb check end to end (s)': Math.round(cliSeconds * 100) / 100,
      findings: result.findings.length,
      'peak memory (MB)': Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
