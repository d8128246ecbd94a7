import type { Vector } from './cluster.ts';
import type { MatchIndex } from './match-index.ts';
import type { Features } from './ticket-matcher.ts';
import type { Topics } from './topics.ts';
import { median } from '../median.ts';

/** A topic with what its rank is made of. */
export interface RankedTopic {
  members: Features[];
  centroid: Vector;
  hours: number | undefined;
  effort: number;
  cohesion: number;
  near: { doc: number; share: number } | undefined;
  /** tickets × effort × (1 − near share). */
  score: number;
  /** Found among the tickets the leading topics do not hold, and joined more loosely (`regroupTail`). */
  broader?: boolean;
}

export interface RankOptions {
  /** The match index the tickets were matched against. */
  index: MatchIndex;
  /** The match threshold: a ticket comes near an article at half of it. */
  threshold: number;
  /** Smallest topic ranked. */
  minTickets: number;
}

/**
 * Effort of a topic, 1 for plain tickets: × (1 + escalated share) × (1 + reopened share) ×
 * (1 + median hours to resolve / 240, at most 30 days) × 2^((mean priority − 3) / 2) (0.5 for
 * very low, 2 for very high). Each factor is 1 where the export lacks the column.
 */
export function effortOf(members: readonly Features[], hours: number | undefined): number {
  const n = Math.max(1, members.length);
  let escalated = 0;
  let reopened = 0;
  let prioritySum = 0;
  let prioritised = 0;
  for (const f of members) {
    if (f.escalated) escalated++;
    if (f.reopened) reopened++;
    if (f.priority !== undefined) [prioritySum, prioritised] = [prioritySum + f.priority, prioritised + 1];
  }
  const priority = prioritised ? 2 ** ((prioritySum / prioritised - 3) / 2) : 1;
  return (1 + escalated / n) * (1 + reopened / n) * (1 + Math.min(hours ?? 0, 24 * 30) / (24 * 10)) * priority;
}

/**
 * The article a topic's tickets come closest to: each ticket (up to 200, evenly spread) is
 * searched with its terms weighted by `weightOf`, and counts when an article holds at least
 * `minimum` of that weight. Undefined when no ticket comes close.
 */
export function nearArticle(
  members: readonly Features[],
  index: MatchIndex,
  weightOf: (term: string) => number,
  minimum: number,
): { doc: number; share: number } | undefined {
  const close = new Map<number, number>();
  const spread = Math.max(1, Math.ceil(members.length / 200));
  let tried = 0;
  for (let m = 0; m < members.length; m += spread) {
    tried++;
    const found = index.search((members[m]?.top ?? []).slice(0, 8), weightOf);
    if (found && found.confidence >= minimum) close.set(found.doc, (close.get(found.doc) ?? 0) + 1);
  }
  const [doc, count] = [...close].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [];
  return doc === undefined || !count ? undefined : { doc, share: count / tried };
}

/** How alike a topic's tickets are: their mean cosine to its centre (up to 500, evenly spread). */
export function cohesionOf(members: readonly Features[], centre: Vector, vectorOf: (f: Features) => Vector): number {
  const spread = Math.max(1, Math.ceil(members.length / 500));
  let similarity = 0;
  let counted = 0;
  for (let m = 0; m < members.length; m += spread) {
    for (const [t, w] of vectorOf(members[m] as Features)) similarity += w * (centre.get(t) ?? 0);
    counted++;
  }
  return counted ? similarity / counted : 0;
}

/** Topics of at least `minTickets` tickets, most important first: by score, then by size. */
export function rankTopics(topics: Topics, options: RankOptions): RankedTopic[] {
  return topics.groups
    .map((members, i) => {
      const hours = median(members.flatMap((f) => (f.hours === undefined ? [] : [f.hours])));
      const effort = effortOf(members, hours);
      const centroid = topics.centroids[i] ?? new Map<string, number>();
      const cohesion = cohesionOf(members, centroid, topics.vectorOf);
      // a word many unknown tickets share (a signature, a disclaimer) says little about which article answers one
      const near = nearArticle(members, options.index, topics.rarity, options.threshold / 2);
      return { members, centroid, hours, effort, cohesion, near, score: members.length * effort * (1 - (near?.share ?? 0)) };
    })
    .filter((g) => g.members.length >= options.minTickets)
    .sort((a, b) => b.score - a.score || b.members.length - a.members.length);
}
