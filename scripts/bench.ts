#!/usr/bin/env node
// `npm run bench`: runs the benchmarks and prints their numbers. Each area has a module in
// scripts/bench/ that exports run(); `npm run bench -- site check` runs only those areas.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const AREAS = ['site', 'check', 'stale', 'stale-history', 'gaps', 'import', 'corpus', 'collect', 'german', 'search-de'];
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(
    `Usage: npm run bench [-- <area>...]\n\nAreas: ${AREAS.join(', ')} (default: all)\nKB_BENCH_ARTICLES=<n> changes the generated knowledge-base size (default 5000).`,
  );
  process.exit(0);
}

const results: Record<string, Record<string, number | string>> = {};
for (const area of wanted.length ? wanted : AREAS) {
  const file = join(here, `${area}.ts`);
  if (!existsSync(file)) {
    console.log(`\n== ${area}: no benchmark module (scripts/bench/${area}.ts)`);
    continue;
  }
  console.log(`\n== ${area}`);
  const started = performance.now();
  const mod = (await import(file)) as { run: () => Promise<Record<string, number | string>> };
  results[area] = await mod.run();
  console.table(results[area]);
  console.log(`(${area} took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
console.log('\n== summary');
console.log(JSON.stringify(results, null, 2));
