import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Audience } from '../../src/lib/levels.ts';
import { ROOT } from './paths.ts';

/** Runs `astro build` for one audience of a content folder into `<outDir>/<audience>`. */
export function buildSite(contentDir: string, outDir: string, audience: Audience): Promise<{ output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: ROOT,
      env: { ...process.env, KB_AUDIENCE: audience, KB_CONTENT_DIR: contentDir, KB_OUT_DIR: outDir, KB_TODAY: '2026-11-24', KB_COLLECT_ENDPOINT: '/events', KB_EVENTS: resolve(ROOT, 'test/fixtures/feedback/events.ndjson') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise({ output }) : reject(new Error(`astro build (${audience}) failed:\n${output}`))));
  });
}
