// Benchmark of `kb collect`: 50 concurrent clients send 20,000 events (one per request, as
// sendBeacon does) to a collector process on a free port; prints events per second stored and
// request latency. Run through `npm run bench -- collect`; KB_BENCH_EVENTS changes the count.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, sendLoad, startCollector } from './collect-load.ts';

const ORIGIN = 'https://help.example.com';

export async function run(): Promise<Record<string, number | string>> {
  const events = Number(process.env['KB_BENCH_EVENTS'] ?? 20_000);
  const clients = 50;
  const dir = await mkdtemp(join(tmpdir(), 'kb-collect-bench-'));
  const collector = await startCollector(['--db', join(dir, 'events.sqlite'), '--origin', ORIGIN, '--rate', '1000000', '--burst', '1000000']);
  try {
    const load = await sendLoad({ url: collector.url, origin: ORIGIN, clients, events });
    const stored = load.statuses[204] ?? 0;
    const results = {
      'collect.clients': clients,
      'collect.events': load.sent,
      'collect.stored': stored,
      'collect.refused': load.sent - stored,
      'collect.seconds': Number((load.ms / 1000).toFixed(2)),
      'collect.events_per_second': Math.round((stored / load.ms) * 1000),
      'collect.p50_ms': Number(percentile(load.latencies, 50).toFixed(2)),
      'collect.p99_ms': Number(percentile(load.latencies, 99).toFixed(2)),
    };
    for (const [key, value] of Object.entries(results)) console.log(`${key}\t${value}`);
    return results;
  } finally {
    await collector.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
