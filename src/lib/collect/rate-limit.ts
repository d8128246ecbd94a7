/**
 * A token bucket per client, in memory only. The key (the client's IP address) is used to
 * count and then forgotten: it is never written anywhere, and idle buckets are dropped.
 */
export interface RateLimitOptions {
  /** Requests a client may send in a burst. */
  burst: number;
  /** Requests per minute a client regains. */
  perMinute: number;
  /** Most clients tracked at once; beyond it the oldest idle buckets are dropped first. */
  maxClients?: number;
}

interface Bucket {
  tokens: number;
  updated: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly options: Required<RateLimitOptions>;

  constructor(options: RateLimitOptions) {
    this.options = { maxClients: 100_000, ...options };
  }

  /** Takes one token for `key`; false when the client has none left. */
  take(key: string, now: number = Date.now()): boolean {
    const { burst, perMinute, maxClients } = this.options;
    let bucket = this.buckets.get(key);
    if (bucket) {
      bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.updated) * perMinute) / 60_000);
      bucket.updated = now;
      // move to the end: the Map's order is then least recently used first
      this.buckets.delete(key);
    } else {
      if (this.buckets.size >= maxClients) this.prune(now);
      bucket = { tokens: burst, updated: now };
    }
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  get clients(): number {
    return this.buckets.size;
  }

  /** Drops buckets that have refilled (they behave like new ones), then the oldest if still full. */
  prune(now: number = Date.now()): void {
    const { burst, perMinute, maxClients } = this.options;
    const full = (60_000 * burst) / perMinute;
    for (const [key, bucket] of this.buckets) if (now - bucket.updated >= full) this.buckets.delete(key);
    for (const key of this.buckets.keys()) {
      if (this.buckets.size < maxClients) break;
      this.buckets.delete(key);
    }
  }
}
