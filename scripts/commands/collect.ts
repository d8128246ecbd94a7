import type { Command } from 'commander';
import { collect } from './options.ts';

interface CollectFlags {
  db: string;
  port: string;
  host: string;
  origin: string[];
  path: string;
  maxBody: string;
  rate: string;
  burst: string;
  trustProxy?: boolean;
  export?: boolean;
  import?: string[];
}

/** `kb collect`: the demand-event collector. The server lives in src/lib/collect. */
export function register(program: Command): void {
  program
    .command('collect')
    .description('run the demand-event collector the sites send to (helpful yes/no, searches without results, contact requests), or export/import its events')
    .requiredOption('--db <file>', 'SQLite database of events (created if missing)')
    .option('--port <n>', 'port to listen on (0: any free port)', '8787')
    .option('--host <address>', 'address to listen on (0.0.0.0 in a container)', '127.0.0.1')
    .option('--origin <url>', 'site origin allowed to send events, e.g. https://help.example.com (repeatable; * allows any)', collect, [])
    .option('--path <path>', 'path the sites post to', '/events')
    .option('--max-body <bytes>', 'largest request body', '8192')
    .option('--rate <n>', 'requests per minute one client may send', '120')
    .option('--burst <n>', 'requests one client may send at once', '60')
    .option('--trust-proxy', 'behind a reverse proxy: the client address is the last X-Forwarded-For entry')
    .option('--export', 'write every stored event as NDJSON to standard output and exit')
    .option('--import <files...>', 'append events from NDJSON files (the --export format) to the database and exit')
    .addHelpText(
      'after',
      [
        '',
        'Endpoints: POST <path> (a JSON event or an array of up to 20, text/plain or application/json),',
        'OPTIONS <path> (CORS preflight), GET /health (counts of accepted and rejected events).',
        'Statuses: 204 stored, 400 malformed JSON or invalid event, 403 origin not allowed, 404 other path,',
        '405 other method, 413 body too large, 415 other content type, 429 too many requests, 503 database error.',
        'Nothing about the client is stored: no cookies, no IP address, no user agent.',
        '',
        'Example: npx kb collect --db events.sqlite --port 8787 --origin https://help.example.com',
        'Details, event format, systemd unit and container: docs/collect.md',
      ].join('\n'),
    )
    .action(async (flags: CollectFlags) => {
      try {
        process.exitCode = await run(flags);
      } catch (error) {
        console.error(`kb collect: ${(error as Error).message}`);
        process.exitCode = 2;
      }
    });
}

async function run(flags: CollectFlags): Promise<number> {
  const { silenceSqliteWarning } = await import('../../src/lib/collect/sqlite-warning.ts');
  silenceSqliteWarning();
  const { EventStore } = await import('../../src/lib/collect/store.ts');

  if (flags.export) {
    const { toNdjsonLine } = await import('../../src/lib/collect/ndjson.ts');
    const store = new EventStore(flags.db);
    try {
      for (const event of store.events()) {
        if (!process.stdout.write(`${toNdjsonLine(event)}\n`)) await new Promise((r) => process.stdout.once('drain', r));
      }
    } finally {
      store.close();
    }
    return 0;
  }
  if (flags.import?.length) {
    const { readEventFiles } = await import('../../src/lib/collect/ndjson.ts');
    const source = await readEventFiles(flags.import);
    const store = new EventStore(flags.db);
    try {
      store.insert(source.events);
    } finally {
      store.close();
    }
    for (const r of source.rejected) console.error(`${r.file}:${r.line}: ${r.message}`);
    console.error(`kb collect: read ${source.read} events, imported ${source.events.length}, rejected ${source.rejected.length}`);
    return source.rejected.length ? 1 : 0;
  }

  const port = whole(flags.port, '--port', 0, 65_535);
  const maxBody = whole(flags.maxBody, '--max-body', 64);
  const perMinute = whole(flags.rate, '--rate', 1);
  const burst = whole(flags.burst, '--burst', 1);
  if (!flags.origin.length) throw new Error('Missing --origin: name the site origins allowed to send, e.g. --origin https://help.example.com');
  for (const origin of flags.origin) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin.replace(/\/$/, ''))) {
      throw new Error(`Unexpected --origin "${origin}", expected scheme and host such as https://help.example.com`);
    }
  }
  if (!flags.path.startsWith('/')) throw new Error(`Unexpected --path "${flags.path}", expected a path starting with /`);

  const { createCollector } = await import('../../src/lib/collect/server.ts');
  const store = new EventStore(flags.db);
  const collector = createCollector({
    store,
    origins: flags.origin,
    path: flags.path,
    maxBody,
    rateLimit: { perMinute, burst },
    trustProxy: flags.trustProxy === true,
  });
  const url = await collector.listen(port, flags.host);
  console.log(`kb collect: listening on ${url}${flags.path}, writing to ${flags.db} (${store.count()} events so far)`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await collector.close();
  store.close();
  const rejected = Object.entries(collector.stats.rejected).filter(([, n]) => n > 0);
  console.log(
    `kb collect: stopped; accepted ${collector.stats.accepted} events${rejected.length ? `, rejected ${rejected.map(([k, n]) => `${n} ${k}`).join(', ')}` : ''}`,
  );
  return 0;
}

function whole(text: string, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max)
    throw new Error(`Unexpected ${name} "${text}", expected a whole number from ${min} to ${max}`);
  return Number(text);
}
