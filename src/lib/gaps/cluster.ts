/** Sparse vectors: term → weight, normalised to length 1. */
export type Vector = Map<string, number>;

export function normalise(vector: Vector): Vector {
  let sum = 0;
  for (const w of vector.values()) sum += w * w;
  const length = Math.sqrt(sum) || 1;
  for (const [k, w] of vector) vector.set(k, w / length);
  return vector;
}

function centroid(members: readonly Vector[], keep = 40): Vector {
  const sum = new Map<string, number>();
  for (const v of members) for (const [k, w] of v) sum.set(k, (sum.get(k) ?? 0) + w);
  const top = [...sum].sort((a, b) => b[1] - a[1]).slice(0, keep);
  return normalise(new Map(top));
}

export interface Clustering {
  centroids: Vector[];
  /** The nearest centroid of any vector, or -1 when none is close enough. */
  assign(vector: Vector): number;
}

interface Posting {
  ids: number[];
  weights: number[];
  /** The weight in every centroid (0 where absent), kept once a term is in many centroids. */
  dense?: Float64Array;
}

// a term in this many centroids also gets a dense row: adding a whole row beats chasing ids
const DENSE_FROM = 16;

/** Centroids by term, so a vector is compared only with centroids it shares a term with. */
class CentroidIndex {
  // per term: the centroids holding it and its weight there, as two plain arrays (a hot loop)
  private readonly postings = new Map<string, Posting>();
  readonly centroids: Vector[] = [];
  // dot products accumulate here, reused across calls: no allocation per ticket
  private scores = new Float64Array(64);
  private touched = new Int32Array(64);

  add(vector: Vector): number {
    const id = this.centroids.length;
    this.centroids.push(vector);
    if (id >= this.scores.length) {
      const capacity = this.scores.length * 2;
      [this.scores, this.touched] = [new Float64Array(capacity), new Int32Array(capacity)];
      for (const list of this.postings.values()) {
        if (!list.dense) continue;
        const grown = new Float64Array(capacity);
        grown.set(list.dense);
        list.dense = grown;
      }
    }
    for (const [term, weight] of vector) {
      let list = this.postings.get(term);
      if (!list) this.postings.set(term, (list = { ids: [], weights: [] }));
      list.ids.push(id);
      list.weights.push(weight);
      if (list.dense) list.dense[id] = weight;
      else if (list.ids.length >= DENSE_FROM) {
        list.dense = new Float64Array(this.scores.length);
        list.ids.forEach((centroid, i) => (list.dense![centroid] = list.weights[i] as number));
      }
    }
    return id;
  }

  /**
   * The most similar centroid above `minimum` (the lowest index on a tie), or -1. Both sides are
   * normalised, so the dot products summed over the vector's terms' postings are the exact cosines.
   * A term held by more than a quarter of the centroids ("problem", a mail domain) adds its dense
   * row instead; each centroid still sums its products in the vector's term order.
   */
  nearest(vector: Vector, minimum: number): number {
    const { scores, touched } = this;
    const n = this.centroids.length;
    let count = 0;
    let all = false;
    for (const [term, weight] of vector) {
      const list = this.postings.get(term);
      if (!list) continue;
      const { ids, weights, dense } = list;
      if (dense && ids.length * 4 > n) {
        for (let c = 0; c < n; c++) scores[c] = (scores[c] as number) + weight * (dense[c] as number);
        all = true;
        continue;
      }
      for (let i = 0; i < ids.length; i++) {
        const centroid = ids[i] as number;
        if (scores[centroid] === 0) touched[count++] = centroid;
        scores[centroid] = (scores[centroid] as number) + weight * (weights[i] as number);
      }
    }
    let best = -1;
    let bestSim = minimum;
    const consider = (centroid: number) => {
      const sim = scores[centroid] as number;
      if (sim > bestSim || (sim === bestSim && best >= 0 && centroid < best)) {
        best = centroid;
        bestSim = sim;
      }
      scores[centroid] = 0;
    };
    if (all) for (let c = 0; c < n; c++) consider(c);
    else for (let i = 0; i < count; i++) consider(touched[i] as number);
    return best;
  }
}

/** A small deterministic random source (a linear congruential generator), so reports repeat. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface ClusterOptions {
  /** Topics to look for; default one for every `ticketsPerTopic` sampled tickets (at least 10 while there are 50 tickets, at most 200). */
  topics?: number;
  /** Sampled tickets per topic looked for, when `topics` is not given (default 40). */
  ticketsPerTopic?: number;
  /** Refinement rounds. */
  rounds?: number;
  /** A vector less similar (cosine) than this to every topic belongs to none. */
  minimum?: number;
  /** Topics whose centroids are at least this similar (cosine) become one (default 0.15). */
  mergeAt?: number;
  /** Neighbours each sampled vector is blended with before clustering (default 5, fewer under 500 tickets; 0: none). */
  neighbours?: number;
}

/**
 * Topic clustering of ticket vectors: each sampled vector is first blended with its nearest
 * neighbours in the sample (tickets about one thing use different words for it; their neighbours
 * bring the other words in), then spherical k-means, seeded k-means++ style from a fixed random
 * seed, and near-duplicate topics merged. Every ticket, sampled or not, is then assigned with
 * `assign` (its own vector, not blended), so a million tickets never need their vectors in memory
 * at once, and a ticket unlike every topic stays out of all. Deterministic.
 */
export function cluster(sample: readonly Vector[], options: ClusterOptions = {}): Clustering {
  const minimum = options.minimum ?? 0.15;
  const k = Math.min(
    sample.length,
    options.topics ??
      Math.max(2, Math.min(200, Math.max(Math.round(sample.length / (options.ticketsPerTopic ?? 40)), Math.min(10, Math.round(sample.length / 5))))),
  );
  // small exports have too few neighbours about the same thing to blend with
  const blended = blendNeighbours(sample, options.neighbours ?? Math.min(5, Math.max(2, Math.floor(sample.length / 100))));
  let index = kMeans(blended, k, options.rounds ?? 8, minimum, 12);
  // 0.15, not higher: on the labelled sets a topic's tickets spread over several centroids this
  // close (English coverage of the 30 leading gaps 0.44 -> 0.51, German 0.28 -> 0.30, docs/gaps.md)
  index = mergeNear(index, blended, options.mergeAt ?? 0.15, minimum);
  const final = index;
  return { centroids: final.centroids, assign: (v) => final.nearest(v, minimum) };
}

/**
 * Single-pass leader clustering for short texts such as search queries: a vector joins the first
 * topic within `threshold`, else starts one; a few k-means style rounds refine the topics.
 * Deterministic.
 */
export function leaderCluster(sample: readonly Vector[], options: { threshold?: number; rounds?: number; maxTopics?: number } = {}): Clustering {
  const threshold = options.threshold ?? 0.15;
  const maxTopics = options.maxTopics ?? 500;
  let index = new CentroidIndex();
  for (const v of sample) if (index.centroids.length < maxTopics && index.nearest(v, threshold - 1e-9) === -1) index.add(new Map(v));
  for (let round = 0; round < (options.rounds ?? 3); round++) {
    const members: Vector[][] = index.centroids.map(() => []);
    for (const v of sample) {
      const i = index.nearest(v, threshold / 2);
      if (i >= 0) members[i]?.push(v);
    }
    const next = new CentroidIndex();
    for (const m of members) if (m.length > 0) next.add(centroid(m));
    index = next;
  }
  const final = index;
  return { centroids: final.centroids, assign: (v) => final.nearest(v, threshold / 2) };
}

/**
 * Each vector plus its `count` most similar others (similar by their less common words), weighted
 * by that similarity, normalised.
 */
function blendNeighbours(vectors: readonly Vector[], count: number): Vector[] {
  if (count < 1) return [...vectors];
  const postings = new Map<string, { ids: number[]; weights: number[] }>();
  vectors.forEach((v, i) => {
    for (const [term, w] of v) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = { ids: [], weights: [] }));
      list.ids.push(i);
      list.weights.push(w);
    }
  });
  const scores = new Float64Array(vectors.length);
  const touched: number[] = [];
  // a word in more than a tenth of the tickets finds everyone as a neighbour and costs the most
  const common = Math.max(50, vectors.length / 10);
  return vectors.map((v, i) => {
    touched.length = 0;
    for (const [term, w] of v) {
      const { ids, weights } = postings.get(term) as { ids: number[]; weights: number[] };
      if (ids.length > common) continue;
      for (let p = 0; p < ids.length; p++) {
        const j = ids[p] as number;
        if (j === i) continue;
        if (scores[j] === 0) touched.push(j);
        scores[j] = (scores[j] as number) + w * (weights[p] as number);
      }
    }
    // the `count` most similar, in a small sorted list (ties: the earlier ticket)
    const near: number[] = [];
    for (const j of touched) {
      const sj = scores[j] as number;
      if (near.length === count && sj <= (scores[near[count - 1] as number] as number)) continue;
      let at = near.length;
      while (at > 0 && (scores[near[at - 1] as number] as number) < sj) at--;
      near.splice(at, 0, j);
      if (near.length > count) near.pop();
    }
    const out: Vector = new Map(v);
    for (const j of near) for (const [term, w] of vectors[j] as Vector) out.set(term, (out.get(term) ?? 0) + w * (scores[j] as number));
    for (const j of touched) scores[j] = 0;
    return normalise(out);
  });
}

/** One spherical k-means run. */
function kMeans(sample: readonly Vector[], k: number, rounds: number, minimum: number, seed: number): CentroidIndex {
  const draw = random(seed);
  // k-means++ seeding: distance 1 − cosine to the nearest seed so far
  const distance = new Float64Array(sample.length).fill(1);
  let index = new CentroidIndex();
  let next = sample.length ? Math.floor(draw() * sample.length) : -1;
  while (next >= 0 && index.centroids.length < k) {
    const chosen = new Map(sample[next] as Vector);
    index.add(chosen);
    let total = 0;
    sample.forEach((v, i) => {
      const d = Math.max(0, 1 - cosine(v, chosen));
      if (d < (distance[i] as number)) distance[i] = d;
      total += (distance[i] as number) ** 2;
    });
    if (total <= 0) break;
    let target = draw() * total;
    next = -1;
    for (let i = 0; i < sample.length; i++) {
      target -= (distance[i] as number) ** 2;
      if (target <= 0 && (distance[i] as number) > 0) {
        next = i;
        break;
      }
    }
  }
  for (let round = 0; round < rounds; round++) {
    const members: Vector[][] = index.centroids.map(() => []);
    for (const v of sample) {
      const i = index.nearest(v, minimum);
      if (i >= 0) members[i]?.push(v);
    }
    const refined = new CentroidIndex();
    for (const m of members) if (m.length > 0) refined.add(centroid(m));
    index = refined;
  }
  return index;
}

function cosine(a: Vector, b: Vector): number {
  let sum = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const [k, w] of small) sum += w * (large.get(k) ?? 0);
  return sum;
}

/**
 * Near-duplicate topics become one: centroids closer than `mergeAt` (cosine) are joined, larger
 * topics first, and the sample is assigned once more to the joined centroids.
 */
function mergeNear(index: CentroidIndex, sample: readonly Vector[], mergeAt: number, minimum: number): CentroidIndex {
  const members: Vector[][] = index.centroids.map(() => []);
  for (const v of sample) {
    const i = index.nearest(v, minimum);
    if (i >= 0) members[i]?.push(v);
  }
  const order = index.centroids.map((_, i) => i).sort((a, b) => (members[b]?.length ?? 0) - (members[a]?.length ?? 0) || a - b);
  const kept: { centroid: Vector; members: Vector[] }[] = [];
  for (const i of order) {
    const own = members[i] ?? [];
    if (!own.length) continue;
    const centroidOf = index.centroids[i] as Vector;
    let best: (typeof kept)[number] | undefined;
    let bestSim = mergeAt;
    for (const k of kept) {
      const sim = cosine(k.centroid, centroidOf);
      if (sim >= bestSim) [best, bestSim] = [k, sim];
    }
    if (best) {
      best.members.push(...own);
      best.centroid = centroid(best.members);
    } else kept.push({ centroid: centroidOf, members: [...own] });
  }
  const merged = new CentroidIndex();
  for (const k of kept) merged.add(k.centroid);
  // one k-means round over the joined topics
  const again: Vector[][] = merged.centroids.map(() => []);
  for (const v of sample) {
    const i = merged.nearest(v, minimum);
    if (i >= 0) again[i]?.push(v);
  }
  const next = new CentroidIndex();
  for (const m of again) if (m.length > 0) next.add(centroid(m));
  return next;
}

/** Cluster purity against known labels: the share of items in their cluster's majority label. */
export function purity(assignment: readonly number[], labels: readonly (string | undefined)[]): number {
  const counts = new Map<number, Map<string, number>>();
  let total = 0;
  assignment.forEach((cluster, i) => {
    const label = labels[i];
    if (cluster < 0 || label === undefined) return;
    total++;
    const byLabel = counts.get(cluster) ?? new Map<string, number>();
    byLabel.set(label, (byLabel.get(label) ?? 0) + 1);
    counts.set(cluster, byLabel);
  });
  let majority = 0;
  for (const byLabel of counts.values()) majority += Math.max(...byLabel.values());
  return total ? majority / total : 0;
}
