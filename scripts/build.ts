#!/usr/bin/env node
// Builds both sites: dist/public (customers) and dist/internal (agents), each with its own
// Pagefind index. `kb check` runs first; when it finds errors nothing is written to dist.
// Both sites are built at the same time in two processes into dist/.building/ and move into
// place only when both passed everything (MDX, schema, Pagefind, link check): a failed build
// leaves the previous dist/public and dist/internal exactly as they were.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, rm, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { dirname, relative, resolve, sep } from 'node:path';
import { publishSites, siteRootDir, stagingDir } from '../src/lib/built-site/publish.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SITES = ['public', 'internal'];
const { values } = parseArgs({
  options: {
    help: { type: 'boolean', short: 'h' },
    only: { type: 'string' },
    jobs: { type: 'string', default: '2' },
    'skip-check': { type: 'boolean' },
    'cpu-prof': { type: 'string' },
  },
});
if (values.help) {
  console.log(`Usage: npm run build [-- --only public|internal] [--jobs 1|2] [--skip-check]

Checks every article (kb check), then builds dist/public and dist/internal with their
Pagefind indexes, both at once (--jobs 1: one after the other, for machines with little
memory). The sites are built in dist/.building/ and replace the previous ones only when both
passed, link check included: a failed build leaves dist/ as it was. When kb check finds
errors, nothing is built.
--cpu-prof DIR writes a V8 CPU profile of each site's build to DIR (open it in Chrome's
DevTools or speedscope).
Set KB_CONTENT_DIR to build another content folder, KB_OUT_DIR to write elsewhere.`);
  process.exit(0);
}
const sites = values.only ? [values.only] : SITES;
if (!sites.every((s) => SITES.includes(s))) {
  console.error(`--only must be one of ${SITES.join(', ')}, got "${values.only}"`);
  process.exit(2);
}
const jobs = Number(values.jobs);
if (!Number.isInteger(jobs) || jobs < 1) {
  console.error(`--jobs must be a whole number of at least 1, got "${values.jobs}"`);
  process.exit(2);
}

const running = new Set<ChildProcess>();

/**
 * Vite's bundler (Rolldown) allocates with mimalloc, which by default keeps freed memory for a
 * while: bundling 5,000 articles leaves a few hundred MB resident through the whole rendering.
 * Handing it back at once lowers each build's peak by about a fifth at no measurable CPU cost.
 */
const LEAN_MEMORY = { MIMALLOC_PURGE_DELAY: process.env['MIMALLOC_PURGE_DELAY'] ?? '0' };

/** Runs a command, each output line prefixed with the site it belongs to when builds overlap. */
function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}, prefix = false): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, ...env } });
    running.add(child);
    if (prefix) {
      createInterface({ input: child.stdout! }).on('line', (line) => process.stdout.write(`[${label}] ${line}\n`));
      createInterface({ input: child.stderr! }).on('line', (line) => process.stderr.write(`[${label}] ${line}\n`));
    }
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      running.delete(child);
      if (code === 0) resolvePromise();
      else reject(new Error(`${label}: ${signal ? `stopped by ${signal}` : `exited with ${code}`}`));
    });
  });
}

/** Runs the tasks with at most `limit` at a time; the first failure stops the others. */
async function runAll(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  const queue = [...tasks];
  let failed: unknown;
  const worker = async () => {
    while (queue.length && !failed) {
      try {
        await queue.shift()!();
      } catch (error) {
        failed ??= error;
        for (const child of running) child.kill('SIGTERM');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  if (failed) throw failed;
}

/**
 * A folder of its own to serve as Astro's root for one site: Astro writes the module map of the
 * content store to <root>/.astro/, which must not be shared by two builds running at once (the
 * public build must never bundle the internal site's modules). astro.config.mjs anchors src/
 * and public/ to the project, so only node_modules is linked in.
 */
const roots = new Set<string>();
async function siteRoot(site: string): Promise<string> {
  const dir = siteRootDir(root, site, resolve(root, process.env['KB_CONTENT_DIR'] ?? 'content'), outRoot);
  roots.add(dir);
  await mkdir(dir, { recursive: true });
  if (!existsSync(resolve(dir, 'node_modules'))) await symlink(resolve(root, 'node_modules'), resolve(dir, 'node_modules'), 'junction');
  return dir;
}

const outRoot = resolve(process.env['KB_OUT_DIR'] ?? resolve(root, 'dist'));
const staging = stagingDir(outRoot);
// Astro keeps its temporary server files in the output folder only when that is below the
// working directory, else in one shared .astro/ folder that two builds at once would overwrite
const parallel = jobs > 1 && `${staging}${sep}`.startsWith(`${root}${sep}`) ? jobs : 1;
const astro = resolve(root, 'node_modules/astro/bin/astro.mjs');
const config = resolve(root, 'astro.config.mjs');
const shown = relative(process.cwd(), outRoot) || '.';
try {
  if (!values['skip-check']) await run('kb check', process.execPath, [resolve(root, 'scripts/kb.ts'), 'check']);
  await rm(staging, { recursive: true, force: true });
  const started = performance.now();
  await runAll(
    sites.map((site) => async () => {
      const siteDir = await siteRoot(site);
      // Astro looks for --config below --root
      const profile = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', resolve(values['cpu-prof']), '--cpu-prof-name', `${site}.cpuprofile`] : [];
      const args = [...profile, astro, 'build', '--root', siteDir, '--config', relative(siteDir, config)];
      await run(site, process.execPath, args, { ...LEAN_MEMORY, KB_AUDIENCE: site, KB_OUT_DIR: staging }, parallel > 1);
    }),
    parallel,
  );
  await publishSites(staging, outRoot, sites);
  console.log(`\nBuilt ${sites.map((s) => `${shown}/${s}`).join(' and ')} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  const kept = sites.map((s) => `${shown}/${s}`).join(' and ');
  console.error(`\nBuild failed: ${(error as Error).message}. ${kept} ${sites.length > 1 ? 'are' : 'is'} unchanged.`);
  process.exitCode = 1;
} finally {
  await rm(staging, { recursive: true, force: true });
  // the roots hold only files Astro writes anew each build; their caches stay in node_modules/.astro
  for (const dir of roots) await rm(dirname(dir), { recursive: true, force: true });
}
