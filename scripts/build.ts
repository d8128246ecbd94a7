#!/usr/bin/env node
// Builds both sites: dist/public (customers) and dist/internal (agents), each with its own
// Pagefind index. `kb check` runs first; when it finds errors nothing is written to dist.
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    help: { type: 'boolean', short: 'h' },
    only: { type: 'string' },
    'skip-check': { type: 'boolean' },
  },
});
if (values.help) {
  console.log(`Usage: npm run build [-- --only public|internal] [--skip-check]

Checks every article (kb check), then builds dist/public and dist/internal with their
Pagefind indexes. When kb check finds errors, nothing is written.
Set KB_CONTENT_DIR to build another content folder, KB_OUT_DIR to write elsewhere.`);
  process.exit(0);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

const astro = resolve(root, 'node_modules/astro/bin/astro.mjs');
const sites = values.only ? [values.only] : ['public', 'internal'];
try {
  if (!values['skip-check']) await run(process.execPath, [resolve(root, 'scripts/kb.ts'), 'check'], {});
  for (const site of sites) {
    await rm(resolve(process.env['KB_OUT_DIR'] ?? resolve(root, 'dist'), site), { recursive: true, force: true });
    await run(process.execPath, [astro, 'build'], { KB_AUDIENCE: site });
  }
} catch (error) {
  console.error(`\nBuild failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
