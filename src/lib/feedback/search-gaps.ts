import { leaderCluster, normalise, type Vector } from '../gaps/cluster.ts';
import { surfaceForms, terms } from '../gaps/text.ts';
import { isLang } from '../levels.ts';
import type { QueryCount } from './summarise.ts';
import { markdownText, noWorkflowCommands, textLine } from '../escape.ts';

/** A topic people search for and the knowledge base has no result for. */
export interface SearchGap {
  label: string;
  keywords: string[];
  /** Searches without results in this topic (every repetition counted). */
  searches: number;
  /** The distinct queries, most frequent first (already redacted by the collector). */
  queries: QueryCount[];
  languages: Record<string, number>;
}

export interface SearchGapOptions {
  /** Smallest topic reported (default 3 searches). */
  minSearches?: number;
  /** Cosine similarity a query needs to join a topic (default 0.4: queries are short). */
  threshold?: number;
}

/**
 * Clusters the searches that found nothing into topics, with the same stemming and clustering as
 * ticket gaps (src/lib/gaps): "drucker offline" and "Drucker ist offline" are one topic. A query
 * with no usable word (only a number, only stop words) is its own topic.
 */
export function searchGaps(zeroResults: readonly QueryCount[], options: SearchGapOptions = {}): SearchGap[] {
  const minSearches = options.minSearches ?? 3;
  const queries = [...zeroResults].sort((a, b) => b.count - a.count || a.query.localeCompare(b.query));
  const termLists = queries.map((q) => terms(q.query, isLang(q.lang) ? q.lang : 'en'));
  // idf over distinct queries, so a word in every query ("error") weighs less than a topic word
  const df = new Map<string, number>();
  for (const list of termLists) for (const t of new Set(list)) df.set(t, (df.get(t) ?? 0) + 1);
  const vectors = termLists.map((list): Vector => normalise(new Map(list.map((t) => [t, Math.log(1 + queries.length / (df.get(t) ?? 1))]))));
  const withTerms = vectors.map((v, i) => [v, i] as const).filter(([v]) => v.size > 0);
  const { centroids, assign } = leaderCluster(
    withTerms.map(([v]) => v),
    { threshold: options.threshold ?? 0.4 },
  );
  const surface = surfaceForms();
  const groups = new Map<string, { keywords: string[]; members: QueryCount[] }>();
  queries.forEach((query, i) => {
    const vector = vectors[i]!;
    const topic = vector.size ? assign(vector) : -1;
    const key = topic >= 0 ? `t${topic}` : `q${query.query}`;
    let group = groups.get(key);
    if (!group) {
      const keywords = topic >= 0 ? [...centroids[topic]!].slice(0, 5).map(([stem]) => surface.get(stem) ?? stem) : [query.query];
      groups.set(key, (group = { keywords, members: [] }));
    }
    group.members.push(query);
  });
  return [...groups.values()]
    .map(({ keywords, members }): SearchGap => {
      const languages: Record<string, number> = {};
      for (const m of members) languages[m.lang] = (languages[m.lang] ?? 0) + m.count;
      return {
        label: keywords.slice(0, 3).join(' / '),
        keywords,
        searches: members.reduce((sum, m) => sum + m.count, 0),
        queries: members.slice(0, 10),
        languages,
      };
    })
    .filter((g) => g.searches >= minSearches)
    .sort((a, b) => b.searches - a.searches || a.label.localeCompare(b.label));
}

/** What `kb gaps --searches` adds to a report: the events read and the topics found. */
export interface SearchGapReport {
  searches: { read: number; rejected: number; zeroResults: number };
  searchGaps: SearchGap[];
}

// search queries are untrusted: escaped like every report (src/lib/escape.ts)
const cell = markdownText;

export function formatSearchGapsText(report: SearchGapReport, limit = 15): string {
  const s = report.searches;
  const lines = [
    `Searches: read ${s.read} events (${s.rejected} rejected), ${s.zeroResults} searches without results.`,
    '',
    `Search gaps (${report.searchGaps.length} topics searched for without a result, most searched first):`,
  ];
  report.searchGaps.slice(0, limit).forEach((gap, i) => {
    lines.push(`${String(i + 1).padStart(3)}. ${textLine(gap.label)}: ${gap.searches} searches`);
    lines.push(
      `     e.g. ${gap.queries
        .slice(0, 3)
        .map((q) => `"${textLine(q.query)}"`)
        .join(', ')}`,
    );
  });
  if (report.searchGaps.length > limit) lines.push(`     … ${report.searchGaps.length - limit} more (see --format json)`);
  return noWorkflowCommands(lines.join('\n'));
}

export function formatSearchGapsMarkdown(report: SearchGapReport, limit = 15): string {
  const s = report.searches;
  return [
    '## Search gaps',
    '',
    `**Searches without results:** ${s.zeroResults} (from ${s.read} events, ${s.rejected} rejected).`,
    '',
    '| # | topic | searches | example queries |',
    '|---|---|---|---|',
    ...report.searchGaps.slice(0, limit).map(
      (g, i) =>
        `| ${i + 1} | ${cell(g.label)} | ${g.searches} | ${g.queries
          .slice(0, 3)
          .map((q) => cell(q.query))
          .join('; ')} |`,
    ),
  ].join('\n');
}
