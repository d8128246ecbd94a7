import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Audience } from '../../src/lib/levels.ts';
import { ROOT } from './paths.ts';

/** What every test build gets: a fixed day, a demand endpoint and the fixture demand events. */
function fixtureEnv(): NodeJS.ProcessEnv {
  return { KB_TODAY: '2026-11-24', KB_COLLECT_ENDPOINT: '/events', KB_EVENTS: resolve(ROOT, 'test/fixtures/feedback/events.ndjson') };
}

/** Runs `astro build` for one audience of a content folder into `<outDir>/<audience>`. */
export function buildSite(contentDir: string, outDir: string, audience: Audience): Promise<{ output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: ROOT,
      env: { ...process.env, ...fixtureEnv(), KB_AUDIENCE: audience, KB_CONTENT_DIR: contentDir, KB_OUT_DIR: outDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise({ output }) : reject(new Error(`astro build (${audience}) failed:\n${output}`))));
  });
}

/**
 * Runs `npm run build` (scripts/build.ts, both sites at once, published only when both pass)
 * for a content folder into `<outDir>/public` and `<outDir>/internal`. Without kb check, so the
 * build's own checks (MDX, schema, links) are what stops a bad article. `args`: e.g. `--only public`.
 */
export function buildBoth(contentDir: string, outDir: string, args: string[] = []): Promise<{ output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'scripts/build.ts'), '--skip-check', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...fixtureEnv(), KB_CONTENT_DIR: contentDir, KB_OUT_DIR: outDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise({ output }) : reject(new Error(`npm run build failed:\n${output}`))));
  });
}
