// Runs one `astro build` in this process and prints its wall time and peak memory as JSON on
// the last line, so the benchmark measures exactly one build. Usage: run-build.ts <root>
import { build } from 'astro';

const root = process.argv[2] ?? process.cwd();
const started = performance.now();
await build({ root, logLevel: 'error' });
const seconds = (performance.now() - started) / 1000;
// maxRSS is in kilobytes
console.log(JSON.stringify({ seconds, peakMB: process.resourceUsage().maxRSS / 1024 }));
