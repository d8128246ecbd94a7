import { cluster } from './cluster.ts';
import { rankTopics, type RankedTopic, type RankOptions } from './rank.ts';
import type { Features } from './ticket-matcher.ts';
import { evenSample, type Topics } from './topics.ts';

/** The leading gaps that keep their topics as first found: the ones an owner acts on first. */
export const HEAD = 10;
/** The rest is clustered again with one topic per this many sampled tickets (the first pass: 40)... */
const TAIL_TICKETS_PER_TOPIC = 15;
/** ...and its topics joined from this centroid cosine (the first pass: 0.15; 0.05 holds 1% more of
 * the German tickets but the English 30 gaps fall under 0.70 purity, docs/gaps.md). */
const TAIL_MERGE_AT = 0.06;

/** Ranked topics after the tail was regrouped, and the tickets of each topic large enough to rank. */
export interface Regrouped {
  ranked: RankedTopic[];
  groups: Features[][];
}

/**
 * Gaps after the leading `HEAD` ones are broader: every unknown ticket outside the leading topics
 * (those of smaller topics and those like no topic) is clustered again, finer, so that small groups
 * of tickets about one thing find a centre, and near topics are then joined from a lower cosine.
 * The leading topics stay as they were (tight, and ranked first); the topics of the rest are ranked
 * after them and marked `broader`: a broad topic of many tickets is not ranked above a tight one,
 * as one article rarely answers it. On the labelled sets the 30 gaps hold more of the unknown
 * tickets (German half 1: 36% -> 40%, English 53% -> 60%) at the same top-10 purity (docs/gaps.md).
 */
export function regroupTail(ranked: readonly RankedTopic[], topics: Topics, options: RankOptions): Regrouped {
  const head = ranked.slice(0, HEAD);
  // the leading topics by their index (a ranked topic's members are its group): a set of a
  // million tickets would cost 40 MB
  const leading = new Set(head.map((t) => topics.groups.indexOf(t.members)).filter((i) => i >= 0));
  const rest = topics.unknown.filter((_, i) => !leading.has(topics.assignment[i] as number));
  const sample = evenSample(rest);
  const { centroids, assign } = cluster(sample.map(topics.vectorOf), {
    ticketsPerTopic: TAIL_TICKETS_PER_TOPIC,
    mergeAt: TAIL_MERGE_AT,
  });
  const tail = centroids.map(() => [] as Features[]);
  for (const f of rest) {
    const c = assign(topics.vectorOf(f));
    if (c >= 0) tail[c]?.push(f);
  }
  const rankedTail = rankTopics({ ...topics, centroids, groups: tail }, options).map((t) => ({ ...t, broader: true }));
  // a topic too small to rank is no topic: its tickets are counted as like no topic
  return { ranked: [...head, ...rankedTail], groups: [...head.map((t) => t.members), ...tail.filter((g) => g.length >= options.minTickets)] };
}
