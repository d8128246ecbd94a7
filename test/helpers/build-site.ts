import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, symlink } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { siteRootDir } from '../../src/lib/built-site/publish.ts';
import type { Audience } from '../../src/lib/levels.ts';
import { ROOT } from './paths.ts';

/** What every test build gets: a fixed day, a demand endpoint and the fixture demand events. */
function fixtureEnv(): NodeJS.ProcessEnv {
  return { KB_TODAY: '2026-11-24', KB_COLLECT_ENDPOINT: '/events', KB_EVENTS: resolve(ROOT, 'test/fixtures/feedback/events.ndjson') };
}

/**
 * Runs `astro build` for one audience of a content folder into `<outDir>/<audience>`, with an Astro
 * root of its own as `npm run build` does (scripts/build.ts): Astro writes the content store's
 * module map to <root>/.astro/, and two test builds sharing the project's would render each
 * other's articles (seen: "UnknownContentCollectionError" when two site test files built at once).
 */
export async function buildSite(contentDir: string, outDir: string, audience: Audience): Promise<{ output: string }> {
  const siteDir = siteRootDir(ROOT, audience, contentDir, outDir);
  await mkdir(siteDir, { recursive: true });
  if (!existsSync(join(siteDir, 'node_modules'))) await symlink(join(ROOT, 'node_modules'), join(siteDir, 'node_modules'), 'junction');
  try {
    return await new Promise((resolvePromise, reject) => {
      const args = [
        resolve(ROOT, 'node_modules/astro/bin/astro.mjs'),
        'build',
        '--root',
        siteDir,
        '--config',
        relative(siteDir, join(ROOT, 'astro.config.mjs')),
      ];
      const child = spawn(process.execPath, args, {
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
  } finally {
    // only this site's root: the other audience of the same content may be building beside it
    await rm(siteDir, { recursive: true, force: true });
  }
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
