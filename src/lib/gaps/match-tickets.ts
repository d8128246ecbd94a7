import { readArticles } from '../content/read-articles.ts';
import type { ReadOptions } from '../tickets/read.ts';
import type { ReadStats } from '../tickets/types.ts';
import { MatchIndex } from './match-index.ts';
import { readAndMatch, type ParallelOptions } from './read-and-match.ts';
import { resetSpellingCounts } from './text.ts';
import { TicketMatcher, type Features, type Via } from './ticket-matcher.ts';

export interface MatchTicketsOptions extends ReadOptions, ParallelOptions {
  contentDir: string;
  root: string;
  files: string[];
  /** Minimum text-similarity confidence for a match (0–1, default 0.375). */
  threshold?: number;
}

/** Every ticket of the exports, matched to an article or not, with the index it was matched against. */
export interface MatchedTickets {
  index: MatchIndex;
  threshold: number;
  stats: ReadStats;
  /** One per accepted ticket, in file order. */
  features: Features[];
  matchedBy: Record<Via, number>;
}

/**
 * Reads the articles and the exports and matches each ticket to an article: what `kb gaps` and the
 * ticket reasons of `kb stale` both start from.
 */
export async function matchTickets(options: MatchTicketsOptions): Promise<MatchedTickets> {
  const index = new MatchIndex(await readArticles(options.contentDir, options.root));
  const threshold = options.threshold ?? 0.375;
  // spellings are counted while reading, for labels in the spelling the tickets use most
  resetSpellingCounts();
  const { stats, features, matchedBy } = await readAndMatch(options.files, new TicketMatcher(index, threshold), { ...options, threshold });
  return { index, threshold, stats, features, matchedBy };
}
