import type { ReadStats } from '../tickets/types.ts';
import { purity } from './cluster.ts';
import { describeGaps, type Gap } from './gap.ts';
import { matchTickets, type MatchedTickets, type MatchTicketsOptions } from './match-tickets.ts';
import { linkMetrics, type LinkMetrics } from './metrics.ts';
import { rankTopics } from './rank.ts';
import { HEAD, regroupTail } from './tail-topics.ts';
import { shiftLeftCandidates, ticketsByArticle, type ShiftLeft } from './shift-left.ts';
import type { Via } from './ticket-matcher.ts';
import { findTopics, type TopicOptions } from './topics.ts';

export interface GapsOptions extends MatchTicketsOptions, TopicOptions {
  /** Smallest topic reported as a gap. */
  minTickets?: number;
  /** Most gaps reported; smaller topics are counted in `other`. */
  maxGaps?: number;
}

export interface GapsReport {
  tickets: Omit<ReadStats, 'files'> & { files: ReadStats['files'] };
  articles: number;
  classification: { known: number; new: number; unknown: number };
  matchedBy: Record<Via, number>;
  metrics: LinkMetrics;
  /** The leading topics, most important first (at most `maxGaps`). */
  gaps: Gap[];
  /**
   * Unknown tickets in no leading gap (`tickets`): those in the `topics` smaller topics, and the
   * `unlike` ones that are like no topic (cosine < 0.15 to every topic's centre, or fewer than two
   * words left after stop words).
   */
  other: { tickets: number; topics: number; unlike: number };
  shiftLeft: ShiftLeft[];
  /** Cluster purity against a topic column, when the export has one. */
  evaluation?: { labelled: number; purity: number; clusters: number };
}

const phase = process.env['KB_GAPS_TIMING']
  ? (name: string) =>
      console.error(
        `${name}: ${(performance.now() / 1000).toFixed(1)} s, heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`,
      )
  : () => {};

/** Reads the exports, matches tickets to articles, clusters the unmatched ones into gaps. */
export async function analyseGaps(options: GapsOptions): Promise<GapsReport> {
  const matched = await matchTickets(options);
  phase('read and matched');
  return gapsReport(matched, options);
}

/** The report over matched tickets: gaps among the unknown ones, shift-left candidates, link metrics. */
export function gapsReport(matched: MatchedTickets, options: Pick<GapsOptions, 'minTickets' | 'maxGaps' | 'topics' | 'mergeAt'> = {}): GapsReport {
  const { index, threshold, stats, features, matchedBy } = matched;
  const topics = findTopics(features, options);
  phase(`clustered and assigned ${topics.unknown.length} unknown tickets, ${topics.centroids.length} topics`);
  const rankOptions = { index, threshold, minTickets: options.minTickets ?? 3 };
  const { ranked, groups } = regroupTail(rankTopics(topics, rankOptions), topics, rankOptions);
  phase(`regrouped the tickets after the first ${HEAD} topics: ${groups.length} topics`);
  const leading = ranked.slice(0, options.maxGaps ?? 30);
  const gaps = describeGaps(leading, topics.sample, index);
  const unknownTotal = features.filter((f) => f.status === 'unknown').length;
  const perArticle = ticketsByArticle(features);
  const report: GapsReport = {
    tickets: stats,
    articles: index.articles.length,
    classification: {
      known: features.filter((f) => f.status === 'known').length,
      new: features.filter((f) => f.status === 'new').length,
      unknown: unknownTotal,
    },
    matchedBy,
    metrics: linkMetrics(features, perArticle, index),
    gaps,
    other: {
      tickets: unknownTotal - gaps.reduce((sum, g) => sum + g.tickets, 0),
      topics: ranked.length - leading.length,
      unlike: unknownTotal - groups.reduce((sum, g) => sum + g.length, 0),
    },
    shiftLeft: shiftLeftCandidates(perArticle, index),
  };
  const labelled = topics.unknown.filter((f) => f.topic !== undefined);
  if (labelled.length) {
    const topicOf = new Map(groups.flatMap((members, i) => members.map((f) => [f, i] as const)));
    const clustered = purity(
      topics.unknown.map((f) => topicOf.get(f) ?? -1),
      topics.unknown.map((f) => f.topic),
    );
    report.evaluation = { labelled: labelled.length, purity: Math.round(clustered * 1000) / 1000, clusters: groups.length };
  }
  return report;
}
