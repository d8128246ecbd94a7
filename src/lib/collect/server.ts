import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseBody, type DemandEvent, type DemandEventBody } from './event.ts';
import { RateLimiter, type RateLimitOptions } from './rate-limit.ts';
import type { EventStore } from './store.ts';

/** Why a request was refused; counted per reason and shown by `GET /health`. */
export const REJECT_REASONS = [
  'method',
  'not-found',
  'origin',
  'rate-limit',
  'too-large',
  'content-type',
  'malformed-json',
  'invalid-event',
  'store-error',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface CollectorOptions {
  store: EventStore;
  /** Site origins allowed to send (`https://help.example.com`); `*` allows any origin. */
  origins: readonly string[];
  /** Largest request body in bytes (default 8 KiB). */
  maxBody?: number;
  /** Per-client limit (default: bursts of 60 requests, 120 a minute). */
  rateLimit?: RateLimitOptions;
  /** Behind a reverse proxy: the client is the last address in X-Forwarded-For. */
  trustProxy?: boolean;
  /** The path the sites post to (default `/events`). */
  path?: string;
  now?: () => Date;
}

export interface CollectorStats {
  accepted: number;
  rejected: Record<RejectReason, number>;
}

export interface Collector {
  server: Server;
  /** The request handler, to mount the collector inside another server (tests, a combined host). */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  stats: CollectorStats;
  /** Starts listening; resolves with the base URL (`http://127.0.0.1:8787`). */
  listen(port: number, host?: string): Promise<string>;
  /** Stops taking requests, writes what is queued and closes the server (not the store). */
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY = 8 * 1024;
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 60, perMinute: 120 };

interface Pending {
  events: DemandEvent[];
  done: (error?: Error) => void;
}

/**
 * The demand-event collector: sites post events with navigator.sendBeacon (a text/plain JSON
 * body), the collector validates them and writes them to SQLite. Nothing about the client is
 * kept: no cookies are read or set, the IP address only keys the in-memory rate limit.
 * Every failure is an HTTP status, never a crash.
 */
export function createCollector(options: CollectorOptions): Collector {
  const maxBody = options.maxBody ?? DEFAULT_MAX_BODY;
  const path = options.path ?? '/events';
  const anyOrigin = options.origins.includes('*');
  const origins = new Set(options.origins.map((o) => o.replace(/\/$/, '')));
  const limiter = new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const now = options.now ?? (() => new Date());
  const stats: CollectorStats = { accepted: 0, rejected: Object.fromEntries(REJECT_REASONS.map((r) => [r, 0])) as Record<RejectReason, number> };

  // one writer: requests queue their events, one transaction per turn of the event loop commits
  // them all, and each request is answered only after the commit that holds its events
  let queue: Pending[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    try {
      options.store.insert(batch.flatMap((p) => p.events));
      for (const p of batch) p.done();
    } catch (error) {
      for (const p of batch) p.done(error as Error);
    }
  };
  const write = (events: DemandEvent[]) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ events, done: (error) => (error ? reject(error) : resolve()) });
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    });

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.destroy();
    });
  };
  const server = createServer(handler);
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  server.maxHeadersCount = 50;
  // garbage on the wire: answer 400 if the socket still works, never throw
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  const reject = (res: ServerResponse, reason: RejectReason, status: number, message: string, headers: Record<string, string> = {}) => {
    stats.rejected[reason] += 1;
    send(res, status, `${message}\n`, headers);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const url = (req.url ?? '/').split('?')[0];
    if (url === '/health') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return reject(res, 'method', 405, 'Use GET', { Allow: 'GET, HEAD' });
      req.resume();
      return send(res, 200, `${JSON.stringify({ ok: true, ...stats })}\n`, { 'Content-Type': 'application/json' });
    }
    if (url !== path) {
      req.resume();
      return reject(res, 'not-found', 404, `Not found: events go to POST ${path}`);
    }

    const origin = req.headers.origin;
    const allowed = origin !== undefined && (anyOrigin || origins.has(origin));
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      req.resume();
      if (!allowed) return reject(res, 'origin', 403, `Origin ${origin ?? '(none)'} is not allowed`);
      return send(res, 204, '', {
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': 'Content-Type',
        'Access-Control-Max-Age': '86400',
      });
    }
    if (req.method !== 'POST') {
      req.resume();
      return reject(res, 'method', 405, `Method ${req.method} not allowed: use POST`, { Allow: 'POST, OPTIONS' });
    }
    if (!allowed) {
      req.resume();
      return reject(res, 'origin', 403, `Origin ${origin ?? '(none)'} is not allowed`);
    }
    if (!limiter.take(clientKey(req, options.trustProxy === true))) {
      req.resume();
      return reject(res, 'rate-limit', 429, 'Too many events from this client; try again later', { 'Retry-After': '30' });
    }
    const type = (req.headers['content-type'] ?? 'text/plain').split(';')[0]?.trim().toLowerCase();
    if (type !== 'text/plain' && type !== 'application/json') {
      req.resume();
      return reject(res, 'content-type', 415, `Unexpected content type ${type}, expected text/plain or application/json`);
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBody) {
      req.resume();
      return reject(res, 'too-large', 413, `Body of ${declared} bytes is larger than ${maxBody}`, { Connection: 'close' });
    }

    const body = await readBody(req, maxBody);
    if (body === undefined) return reject(res, 'too-large', 413, `Body is larger than ${maxBody} bytes`, { Connection: 'close' });
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return reject(res, 'malformed-json', 400, 'Malformed JSON body');
    }
    const parsed = parseBody(json);
    if (!parsed.ok) return reject(res, 'invalid-event', 400, `Invalid event: ${parsed.message}`);
    const at = now().toISOString();
    const events = parsed.value.map((e: DemandEventBody): DemandEvent => ({ ...e, at }));
    try {
      await write(events);
    } catch {
      return reject(res, 'store-error', 503, 'Cannot store events right now');
    }
    stats.accepted += events.length;
    send(res, 204, '');
  }

  return {
    server,
    handler,
    stats,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, rejectListen) => {
        server.once('error', rejectListen);
        server.listen(port, host, () => {
          server.off('error', rejectListen);
          const address = server.address() as AddressInfo;
          const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve(`http://${shown}:${address.port}`);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          if (queue.length) flush();
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...(body ? { 'Content-Type': 'text/plain; charset=utf-8' } : {}), ...headers });
  res.end(body);
}

/** The body as text, or undefined once it grows past `limit` bytes (the rest is drained unread). */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', () => resolve(undefined));
  });
}

/** Rate-limit key: the peer address, or behind a trusted proxy the address it appended last. */
function clientKey(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').pop()?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}
