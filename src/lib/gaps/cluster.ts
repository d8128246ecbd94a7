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

/**
 * Topic clustering of ticket vectors: single-pass leader clustering on a sample (a new cluster
 * when no centroid is within `threshold`) and a few k-means style refinement rounds. Every
 * ticket, sampled or not, is then assigned with `assign`, so a million tickets never need their
 * vectors in memory at once. Deterministic: no randomness.
 */
export function cluster(sample: readonly Vector[], options: { threshold?: number; rounds?: number; maxTopics?: number } = {}): Clustering {
  const threshold = options.threshold ?? 0.15;
  // a bound on topics keeps assignment cheap on large exports; a report lists far fewer anyway
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
