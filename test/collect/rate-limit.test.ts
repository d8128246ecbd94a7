import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/lib/collect/rate-limit.ts';

/** How many of `n` requests at `now` the limiter lets through for `key`. */
function allowed(limiter: RateLimiter, key: string, n: number, now: number): number {
  let ok = 0;
  for (let i = 0; i < n; i++) if (limiter.take(key, now)) ok++;
  return ok;
}

describe('RateLimiter.take', () => {
  it('lets a new client send its burst at once, then refuses', () => {
    const limiter = new RateLimiter({ burst: 5, perMinute: 6 });
    expect(allowed(limiter, 'a', 8, 0)).toBe(5);
  });

  it('gives tokens back over time at perMinute, one request per regained token', () => {
    // 6 a minute: one token every 10 seconds
    const limiter = new RateLimiter({ burst: 3, perMinute: 6 });
    expect(allowed(limiter, 'a', 3, 0)).toBe(3);
    expect(limiter.take('a', 9_999)).toBe(false);
    expect(limiter.take('a', 10_000)).toBe(true);
    expect(limiter.take('a', 10_000)).toBe(false);
    // 25 more seconds: two and a half tokens, so two requests
    expect(allowed(limiter, 'a', 5, 35_000)).toBe(2);
  });

  it('never saves up more than the burst, however long a client waits', () => {
    const limiter = new RateLimiter({ burst: 3, perMinute: 60 });
    expect(allowed(limiter, 'a', 3, 0)).toBe(3);
    expect(allowed(limiter, 'a', 10, 24 * 60 * 60_000)).toBe(3);
  });

  it('keeps one bucket per client: a flood from one leaves the others their burst', () => {
    const limiter = new RateLimiter({ burst: 2, perMinute: 1 });
    expect(allowed(limiter, '10.0.0.1', 50, 0)).toBe(2);
    expect(allowed(limiter, '10.0.0.2', 3, 0)).toBe(2);
    expect(allowed(limiter, '2001:db8::1', 3, 0)).toBe(2);
  });

  it('refused requests do not cost tokens (a client that keeps knocking is not locked out longer)', () => {
    const limiter = new RateLimiter({ burst: 1, perMinute: 6 });
    expect(limiter.take('a', 0)).toBe(true);
    for (let t = 1_000; t < 10_000; t += 1_000) expect(limiter.take('a', t)).toBe(false);
    // (a hair after 10 s: ten refills of a tenth add up to 0.999… in floating point)
    expect(limiter.take('a', 10_001)).toBe(true);
  });

  it('tracks at most maxClients, forgetting the least recently seen client first', () => {
    const limiter = new RateLimiter({ burst: 1, perMinute: 1, maxClients: 3 });
    for (const key of ['a', 'b', 'c']) expect(limiter.take(key, 0)).toBe(true);
    // a knocks again (refused): it is now the most recently seen, b the least
    expect(limiter.take('a', 1)).toBe(false);
    expect(limiter.take('d', 2)).toBe(true);
    expect(limiter.clients).toBe(3);
    // a is still tracked (still empty); b was forgotten and starts with a fresh bucket
    expect(limiter.take('a', 3)).toBe(false);
    expect(limiter.take('b', 3)).toBe(true);
    expect(limiter.clients).toBe(3);
  });
});

describe('RateLimiter.prune', () => {
  it('drops clients whose bucket has refilled and keeps those still owing tokens', () => {
    // burst 2 at 60 a minute: a bucket is full again 2 seconds after its last request
    const limiter = new RateLimiter({ burst: 2, perMinute: 60 });
    limiter.take('old-1', 0);
    limiter.take('old-2', 500);
    limiter.take('recent', 2_000);
    limiter.prune(2_500);
    expect(limiter.clients).toBe(1);
    // the kept client still owes: 1 token left + 0.5 regained, so one more request only
    expect(allowed(limiter, 'recent', 3, 2_500)).toBe(1);
  });

  it('makes room for a new client by dropping every refilled bucket before any busy one', () => {
    const limiter = new RateLimiter({ burst: 1, perMinute: 60, maxClients: 3 });
    limiter.take('a', 0);
    limiter.take('b', 0);
    limiter.take('busy', 1_500);
    limiter.take('new', 1_600);
    // a and b had refilled: both go, the busy client keeps its empty bucket
    expect(limiter.clients).toBe(2);
    expect(limiter.take('busy', 1_600)).toBe(false);
  });
});
