import { cluster, normalise, type Vector } from './cluster.ts';
import { countAt, type Features } from './ticket-matcher.ts';

export interface TopicOptions {
  /** Topics to look for (default: see `cluster`). */
  topics?: number | undefined;
  /** Topics whose centroids are at least this similar (cosine) become one. */
  mergeAt?: number | undefined;
}

/** The unknown tickets grouped by topic. */
export interface Topics {
  /** Unknown tickets with at least two main terms: the ones that can be clustered. */
  unknown: Features[];
  /** The evenly spread part of `unknown` the topics were found in. */
  sample: Features[];
  centroids: Vector[];
  /** Each unknown ticket's topic (index into `centroids`), -1 when it is unlike every topic. */
  assignment: number[];
  /** Each topic's tickets. */
  groups: Features[][];
  /** A ticket's normalised term vector, as it was clustered. */
  vectorOf(f: Features): Vector;
  /** How rare a term is among the unknown tickets (idf, not squared). */
  rarity(term: string): number;
}

/** At most this many tickets are clustered; the others are assigned to the topics found. */
const SAMPLE = 4000;

/** At most `SAMPLE` of `items`, evenly spread (every n-th): what a clustering is run on. */
export function evenSample<T>(items: readonly T[]): T[] {
  const step = Math.max(1, Math.ceil(items.length / SAMPLE));
  return items.filter((_, i) => i % step === 0);
}

/**
 * Topics of the unknown tickets: tf-idf vectors over their main terms, clustering of an evenly
 * spread sample, then every unknown ticket assigned to its nearest topic.
 */
export function findTopics(features: readonly Features[], options: TopicOptions = {}): Topics {
  const unknown = features.filter((f) => f.status === 'unknown' && f.top && f.top.length >= 2);
  const df = new Map<string, number>();
  for (const f of unknown) for (const t of new Set(f.top)) df.set(t, (df.get(t) ?? 0) + 1);
  // idf squared: a topic is named by its rarer words ("Gutscheincode"), not by "Fehler" or "Ausfall"
  // a token with a digit that only one ticket has (an id, an address, an error number) says nothing
  // about a topic, and its high idf would drown the words that do
  const idf = new Map([...df].map(([t, n]) => [t, n < 2 && /\d/.test(t) ? 0 : Math.log(1 + unknown.length / n) ** 2]));
  // sublinear term counts: a ticket that says "Bewässerungssystem" three times is about it more than
  // one that names it once beside other things (with twenty terms: purity of the German 30 gaps
  // 0.67 -> 0.73 over five seeds, docs/gaps.md)
  const vectorOf = (f: Features): Vector => {
    const vector: Vector = new Map();
    const top = f.top ?? [];
    for (let i = 0; i < top.length; i++) {
      const t = top[i] as string;
      vector.set(t, (1 + Math.log(Math.max(1, countAt(f.counts ?? 0, i)))) * (idf.get(t) ?? 0));
    }
    return normalise(vector);
  };
  const rarity = (t: string) => Math.log(1 + unknown.length / (df.get(t) ?? 1));
  const sample = evenSample(unknown);
  const { centroids, assign } = cluster(sample.map(vectorOf), {
    ...(options.topics ? { topics: options.topics } : {}),
    ...(options.mergeAt === undefined ? {} : { mergeAt: options.mergeAt }),
  });
  const assignment = unknown.map((f) => assign(vectorOf(f)));
  const groups = centroids.map(() => [] as Features[]);
  assignment.forEach((c, i) => {
    if (c >= 0) groups[c]?.push(unknown[i] as Features);
  });
  return { unknown, sample, centroids, assignment, groups, vectorOf, rarity };
}
