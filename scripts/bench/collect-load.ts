// Load generator for the demand-event collector, shared by `npm run bench -- collect` and the
// collector's load test: many concurrent clients, each on its own keep-alive connection.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';

const KB = fileURLToPath(new URL('../kb.ts', import.meta.url));

export interface LoadOptions {
  /** The events URL, e.g. http://127.0.0.1:8787/events. */
  url: string;
  origin: string;
  clients: number;
  /** Requests in total (one event each), spread evenly over the clients. */
  events: number;
  /** Every n-th request of a client is broken JSON (0: none). */
  malformedEvery?: number;
  /** Every n-th request of a client is a well-formed but invalid event (0: none). */
  invalidEvery?: number;
  /** Clients send X-Forwarded-For with their own address (for a collector run with --trust-proxy). */
  forwardedFor?: boolean;
}

export interface LoadResult {
  sent: number;
  /** Responses by HTTP status. */
  statuses: Record<number, number>;
  /** Connection errors (no HTTP status). */
  errors: number;
  ms: number;
  latencies: number[];
}

/** The n-th valid event of a client: a mix of the three kinds the sites send. */
export function sampleEvent(client: number, n: number): Record<string, unknown> {
  switch (n % 3) {
    case 0:
      return { type: 'helpful', lang: 'en', article: `en/article-${client}`, helpful: n % 2 === 0 };
    case 1:
      return { type: 'search', lang: 'de', query: `drucker ${client} fehler ${n}`, results: 0 };
    default:
      return { type: 'contact', lang: 'en', article: `en/article-${client}`, query: `vpn ${n}` };
  }
}

export async function sendLoad(options: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = { sent: 0, statuses: {}, errors: 0, ms: 0, latencies: [] };
  const perClient = Math.floor(options.events / options.clients);
  const extra = options.events - perClient * options.clients;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const count = perClient + (client < extra ? 1 : 0);
      for (let n = 1; n <= count; n++) {
        let body: string;
        if (options.malformedEvery && n % options.malformedEvery === 0) body = '{"type":"helpful",';
        else if (options.invalidEvery && n % options.invalidEvery === 0) body = JSON.stringify({ type: 'helpful', lang: 'fr', article: 'x' });
        else body = JSON.stringify(sampleEvent(client, n));
        const headers: Record<string, string> = { Origin: options.origin, 'Content-Type': 'text/plain;charset=UTF-8' };
        if (options.forwardedFor) headers['X-Forwarded-For'] = `10.0.${client >> 8}.${client & 255}`;
        const sentAt = performance.now();
        const status = await post(options.url, body, headers, agent);
        result.latencies.push(performance.now() - sentAt);
        result.sent += 1;
        if (status === 0) result.errors += 1;
        else result.statuses[status] = (result.statuses[status] ?? 0) + 1;
      }
      agent.destroy();
    }),
  );
  result.ms = performance.now() - start;
  return result;
}

function post(url: string, body: string, headers: Record<string, string>, agent: Agent): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) }, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface CollectorProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM (a clean stop) or SIGKILL (a crash); resolves when the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `kb collect` as its own process on a free port and waits until it listens. */
export function startCollector(args: string[]): Promise<CollectorProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [KB, 'collect', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+), writing/.exec(output);
      if (match) {
        resolve({
          url: match[1]!,
          child,
          output: () => output,
          stop: (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`kb collect exited with ${code} before listening:\n${output}`)));
    child.once('error', reject);
  });
}
