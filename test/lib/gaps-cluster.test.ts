import { describe, expect, it } from 'vitest';
import { cluster, leaderCluster, normalise, purity, type Vector } from '../../src/lib/gaps/cluster.ts';

const vector = (entries: Record<string, number>): Vector => normalise(new Map(Object.entries(entries)));

describe('normalise', () => {
  it('scales a vector to length 1 in place', () => {
    const v = new Map([
      ['a', 3],
      ['b', 4],
    ]);
    expect(normalise(v)).toBe(v);
    expect([...v.values()]).toEqual([0.6, 0.8]);
  });
  it('leaves an empty vector empty', () => {
    expect(normalise(new Map()).size).toBe(0);
  });
});

const printer = [vector({ printer: 2, offline: 1 }), vector({ printer: 2, offline: 1, queue: 1 }), vector({ printer: 1, queue: 1 })];
const vpn = [vector({ vpn: 2, token: 1 }), vector({ vpn: 2, token: 1, expired: 1 }), vector({ vpn: 1, expired: 1 })];

for (const [name, run] of [
  ['cluster', (sample: Vector[]) => cluster(sample, { topics: 2 })],
  ['leaderCluster', (sample: Vector[]) => leaderCluster(sample)],
] as const) {
  describe(name, () => {
    it('finds one topic per group of similar tickets and assigns new tickets to it', () => {
      const { centroids, assign } = run([...printer, ...vpn]);
      expect(centroids).toHaveLength(2);
      const p = assign(vector({ printer: 1, offline: 2 }));
      const v = assign(vector({ vpn: 1, token: 1 }));
      expect(p).toBeGreaterThanOrEqual(0);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(p).not.toBe(v);
    });
    it('assigns -1 to a ticket close to no topic', () => {
      expect(run([...printer, ...vpn]).assign(vector({ password: 1, reset: 1 }))).toBe(-1);
    });
    it('is deterministic', () => {
      expect(run([...printer, ...vpn]).centroids).toEqual(run([...printer, ...vpn]).centroids);
    });
  });
}

describe('leaderCluster options', () => {
  it('stops at maxTopics', () => {
    expect(leaderCluster([...printer, ...vpn], { maxTopics: 1 }).centroids).toHaveLength(1);
  });
});

describe('purity', () => {
  it('is the share of labelled items in their cluster’s majority label', () => {
    expect(purity([0, 0, 0, 1], ['a', 'a', 'b', 'b'])).toBe(0.75);
  });
  it('skips unassigned and unlabelled items; 0 without any', () => {
    expect(purity([0, -1, 0], ['a', 'b', undefined])).toBe(1);
    expect(purity([-1], ['a'])).toBe(0);
  });
});
