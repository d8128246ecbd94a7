import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCollector, type Collector } from '../../src/lib/collect/server.ts';
import { EventStore } from '../../src/lib/collect/store.ts';

const ORIGIN = 'https://help.example.com';
const EVENT = { type: 'helpful', lang: 'en', article: 'en/printer-offline', helpful: true };
let dir: string;
let store: EventStore;
let collector: Collector;
let base: string;

async function start(options: Partial<Parameters<typeof createCollector>[0]> = {}) {
  collector = createCollector({ store, origins: [ORIGIN], now: () => new Date('2026-12-01T09:00:00Z'), ...options });
  base = await collector.listen(0);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kb-collect-'));
  store = new EventStore(join(dir, 'events.sqlite'));
});
afterEach(async () => {
  await collector?.close();
  store.close();
  await rm(dir, { recursive: true, force: true });
});

function post(body: string, headers: Record<string, string> = {}, path = '/events') {
  return fetch(`${base}${path}`, { method: 'POST', body, headers: { Origin: ORIGIN, 'Content-Type': 'text/plain;charset=UTF-8', ...headers } });
}

describe('kb collect: the HTTP endpoint', () => {
  it('stores a sendBeacon event with the time and nothing about the client', async () => {
    await start();
    const res = await post(JSON.stringify(EVENT), { Cookie: 'session=abc', 'User-Agent': 'Mozilla/5.0 secret' });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect([...store.events()]).toEqual([{ at: '2026-12-01T09:00:00.000Z', site: 'public', ...EVENT }]);
    expect(collector.stats.accepted).toBe(1);
  });

  it('stores a batch in one request', async () => {
    await start();
    expect(
      (await post(JSON.stringify([EVENT, { type: 'search', lang: 'de', query: 'drucker', results: 0 }]), { 'Content-Type': 'application/json' })).status,
    ).toBe(204);
    expect(store.count()).toBe(2);
  });

  it('answers the CORS preflight for configured origins only', async () => {
    await start();
    const ok = await fetch(`${base}/events`, { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'POST' } });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-methods')).toBe('POST');
    expect(ok.headers.get('access-control-allow-headers')).toBe('Content-Type');
    const bad = await fetch(`${base}/events`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
    expect(bad.status).toBe(403);
    expect(bad.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses bad requests with the right status and counts each by reason', async () => {
    await start({ maxBody: 1024 });
    expect((await post('{"type":"helpful",')).status).toBe(400);
    const invalid = await post(JSON.stringify({ ...EVENT, lang: 'fr' }));
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toMatch(/^Invalid event: lang: /);
    expect((await post(JSON.stringify(EVENT), { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(JSON.stringify(EVENT), { Origin: '' })).status).toBe(403);
    expect((await fetch(`${base}/events`, { method: 'POST', body: JSON.stringify(EVENT), headers: { 'Content-Type': 'text/plain' } })).status).toBe(403);
    expect((await fetch(`${base}/events`, { headers: { Origin: ORIGIN } })).status).toBe(405);
    const put = await fetch(`${base}/events`, { method: 'PUT', body: '{}', headers: { Origin: ORIGIN } });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('POST, OPTIONS');
    expect((await post('x'.repeat(5000))).status).toBe(413);
    expect((await post(JSON.stringify(EVENT), { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await post(JSON.stringify(EVENT), {}, '/other')).status).toBe(404);
    expect(store.count()).toBe(0);
    expect(collector.stats).toEqual({
      accepted: 0,
      rejected: {
        'malformed-json': 1,
        'invalid-event': 1,
        origin: 3,
        method: 2,
        'too-large': 1,
        'content-type': 1,
        'not-found': 1,
        'rate-limit': 0,
        'store-error': 0,
      },
    });
  });

  it('refuses a body that grows past the limit without a Content-Length', async () => {
    await start({ maxBody: 1024 });
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(500)));
        controller.close();
      },
    });
    const res = await fetch(`${base}/events`, {
      method: 'POST',
      body: stream,
      duplex: 'half',
      headers: { Origin: ORIGIN, 'Content-Type': 'text/plain' },
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('answers a flood from one client with 429 and keeps serving others', async () => {
    await start({ rateLimit: { burst: 5, perMinute: 5 }, trustProxy: true });
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await post(JSON.stringify(EVENT), { 'X-Forwarded-For': '203.0.113.7' })).status);
    expect(statuses).toEqual([204, 204, 204, 204, 204, 429, 429, 429]);
    const flooded = await post(JSON.stringify(EVENT), { 'X-Forwarded-For': '203.0.113.7' });
    expect(flooded.headers.get('retry-after')).toBe('30');
    expect((await post(JSON.stringify(EVENT), { 'X-Forwarded-For': '198.51.100.1' })).status).toBe(204);
    expect(store.count()).toBe(6);
    expect(collector.stats.rejected['rate-limit']).toBe(4);
  });

  it('survives garbage on the wire and keeps answering', async () => {
    await start();
    const { port } = new URL(base);
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('\u0000\u0001GARBAGE / HTTP/9\r\n\r\n'));
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    for (const body of ['null', '[]', '1e999', '"\\ud800"', '{"__proto__":{"x":1}}', '\u0000', JSON.stringify([EVENT, { type: 'x' }])]) {
      expect((await post(body)).status, body).toBe(400);
    }
    expect((await post(JSON.stringify(EVENT))).status).toBe(204);
    expect(store.count()).toBe(1);
  });

  it('reports its counts on GET /health', async () => {
    await start();
    await post(JSON.stringify(EVENT));
    const health = await (await fetch(`${base}/health`)).json();
    expect(health).toMatchObject({ ok: true, accepted: 1 });
  });
});
