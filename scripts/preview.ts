#!/usr/bin/env node
// Serves the built sites as a static host would: the public site and the agent site side by side.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    help: { type: 'boolean', short: 'h' },
    port: { type: 'string', default: '4321' },
    host: { type: 'string', default: 'localhost' },
  },
});
if (values.help) {
  console.log(
    'Usage: npm run preview [-- --port 4321 --host localhost]\n\nServes dist/public on the port and dist/internal on the port + 1. Run `npm run build` first.',
  );
  process.exit(0);
}

const port = Number(values.port);
for (const [index, site] of ['public', 'internal'].entries()) {
  const dir = join(root, 'dist', site);
  if (!existsSync(dir)) {
    console.error(`dist/${site} does not exist: run \`npm run build\` first.`);
    process.exitCode = 1;
    continue;
  }
  const notFound = existsSync(join(dir, '404.html')) ? readFileSync(join(dir, '404.html')) : 'Not found';
  const handler = sirv(dir, { dev: true, etag: true });
  createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(notFound);
    }),
  ).listen(port + index, values.host, () => {
    console.log(`${site === 'public' ? 'Public site (customers)' : 'Agent site (internal)  '}: http://${values.host}:${port + index}/`);
  });
}
