import type { Level } from '../levels.ts';
import { readArticles } from '../content/read-articles.ts';
import type { ReadOptions } from '../tickets/read.ts';
import { redact } from '../tickets/redact.ts';
import type { ReadStats } from '../tickets/types.ts';
import { MatchIndex } from './match-index.ts';
import { cluster, normalise, purity, type Vector } from './cluster.ts';
import { readAndMatch, type ParallelOptions } from './read-and-match.ts';
import { surface } from './text.ts';
import { TicketMatcher, type Features, type Via } from './ticket-matcher.ts';

export type { Features } from './ticket-matcher.ts';

export interface GapsOptions extends ReadOptions, ParallelOptions {
  contentDir: string;
  root: string;
  files: string[];
  /** Minimum text-similarity confidence for a match (0–1). */
  threshold?: number;
  /** Smallest topic reported as a gap. */
  minTickets?: number;
}

export interface Gap {
  label: string;
  keywords: string[];
  tickets: number;
  ticketIds: string[];
  levels: Record<string, number>;
  languages: Record<string, number>;
  escalated: number;
  medianHoursToResolve: number | undefined;
  score: number;
  /** Redacted example titles. */
  examples: string[];
}

export interface ShiftLeft {
  article: string;
  title: string;
  level: Level;
  audience: 'public' | 'internal';
  tickets: number;
  ticketIds: string[];
  resolvedAt: Record<string, number>;
  message: string;
}

export interface GapsReport {
  tickets: Omit<ReadStats, 'files'> & { files: ReadStats['files'] };
  articles: number;
  classification: { known: number; new: number; unknown: number };
  matchedBy: Record<Via, number>;
  metrics: {
    linkRate: number;
    byLevel: Record<string, { tickets: number; linked: number; linkRate: number }>;
    byProduct: Record<string, { tickets: number; linked: number; linkRate: number }>;
    reuse: { article: string; tickets: number }[];
  };
  gaps: Gap[];
  shiftLeft: ShiftLeft[];
  /** Cluster purity against a topic column, when the export has one. */
  evaluation?: { labelled: number; purity: number; clusters: number };
  /** Ticket features by id (for the stale provider); not part of the JSON output. */
  features?: Map<string, Features>;
}

function median(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function rate(linked: number, tickets: number): number {
  return tickets ? Math.round((linked / tickets) * 1000) / 1000 : 0;
}

/** Reads the exports, matches tickets to articles, clusters the unmatched ones into gaps. */
export async function analyseGaps(options: GapsOptions, keepFeatures = false): Promise<GapsReport> {
  const index = new MatchIndex(await readArticles(options.contentDir, options.root));
  const threshold = options.threshold ?? 0.375;
  const { stats, features, matchedBy } = await readAndMatch(options.files, new TicketMatcher(index, threshold), { ...options, threshold });

  const phase = process.env['KB_GAPS_TIMING'] ? (name: string) => console.error(`${name}: ${(performance.now() / 1000).toFixed(1)} s, heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`) : () => {};
  phase('read and matched');
  // topics of the unknown tickets: tf-idf over their top terms, then clustering
  const unknown = features.filter((f) => f.status === 'unknown' && f.top && f.top.length >= 2);
  const df = new Map<string, number>();
  for (const f of unknown) for (const t of new Set(f.top)) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map([...df].map(([t, n]) => [t, Math.log(1 + unknown.length / n)]));
  const vectorOf = (f: Features): Vector => {
    const vector: Vector = new Map();
    for (const t of f.top ?? []) vector.set(t, idf.get(t) ?? 0);
    return normalise(vector);
  };
  // cluster an evenly spread sample, then assign every unknown ticket to its nearest topic
  const step = Math.max(1, Math.ceil(unknown.length / 4000));
  const { centroids, assign } = cluster(unknown.filter((_, i) => i % step === 0).map(vectorOf));
  phase(`clustered ${unknown.length} unknown tickets into ${centroids.length} topics`);
  const assignment = unknown.map((f) => assign(vectorOf(f)));
  phase('assigned');
  const groups = centroids.map(() => [] as Features[]);
  assignment.forEach((c, i) => {
    if (c >= 0) groups[c]?.push(unknown[i] as Features);
  });
  const minTickets = options.minTickets ?? 3;
  const gaps: Gap[] = groups
    .map((members, i) => {
      const keywords = [...(centroids[i] ?? new Map())].slice(0, 6).map(([stem]) => surface.get(stem) ?? stem);
      const levels: Record<string, number> = {};
      const languages: Record<string, number> = {};
      for (const f of members) {
        levels[String(f.level ?? 'unknown')] = (levels[String(f.level ?? 'unknown')] ?? 0) + 1;
        languages[f.lang] = (languages[f.lang] ?? 0) + 1;
      }
      const escalated = members.filter((f) => f.escalated).length;
      const hours = median(members.flatMap((f) => (f.hours === undefined ? [] : [f.hours])));
      const score = members.length * (1 + escalated / Math.max(1, members.length)) * (1 + Math.min(hours ?? 0, 24 * 30) / (24 * 10));
      return {
        label: keywords.slice(0, 3).join(' / '),
        keywords,
        tickets: members.length,
        ticketIds: members.map((f) => f.id),
        levels,
        languages,
        escalated,
        medianHoursToResolve: hours === undefined ? undefined : Math.round(hours * 10) / 10,
        score: Math.round(score * 10) / 10,
        examples: members.slice(0, 3).map((f) => redact(f.title)),
      };
    })
    .filter((g) => g.tickets >= minTickets)
    .sort((a, b) => b.score - a.score || b.tickets - a.tickets);

  // shift left: articles that tickets keep needing at level 2 or 3, published only internally or above level 1
  const perArticle = new Map<number, Features[]>();
  for (const f of features) {
    if (f.doc === undefined) continue;
    const list = perArticle.get(f.doc);
    if (list) list.push(f);
    else perArticle.set(f.doc, [f]);
  }
  const shiftLeft: ShiftLeft[] = [];
  for (const [doc, list] of perArticle) {
    const article = index.articles[doc];
    if (!article || (article.data.level === 1 && article.data.audience === 'public')) continue;
    const high = list.filter((f) => (f.level ?? 0) >= 2);
    if (high.length < 3) continue;
    const resolvedAt: Record<string, number> = {};
    for (const f of high) resolvedAt[String(f.level)] = (resolvedAt[String(f.level)] ?? 0) + 1;
    shiftLeft.push({
      article: article.id,
      title: article.data.title,
      level: article.data.level,
      audience: article.data.audience,
      tickets: high.length,
      ticketIds: high.map((f) => f.id),
      resolvedAt,
      message: `${high.length} tickets were solved at level 2 or 3 with this ${article.data.audience} level-${article.data.level} article: publish a level-1${article.data.audience === 'internal' ? ' public' : ''} version so the service desk or customers can apply it.`,
    });
  }
  shiftLeft.sort((a, b) => b.tickets - a.tickets);

  const linked = features.filter((f) => f.doc !== undefined).length;
  const tally = (key: (f: Features) => string | undefined) => {
    const out: Record<string, { tickets: number; linked: number; linkRate: number }> = {};
    for (const f of features) {
      const k = key(f) ?? 'unknown';
      const entry = (out[k] ??= { tickets: 0, linked: 0, linkRate: 0 });
      entry.tickets++;
      if (f.doc !== undefined) entry.linked++;
    }
    for (const entry of Object.values(out)) entry.linkRate = rate(entry.linked, entry.tickets);
    return out;
  };
  const reuse = [...perArticle].map(([doc, list]) => ({ article: index.articles[doc]?.id ?? String(doc), tickets: list.length })).sort((a, b) => b.tickets - a.tickets);
  const labelled = unknown.filter((f) => f.topic !== undefined);
  const report: GapsReport = {
    tickets: stats,
    articles: index.articles.length,
    classification: {
      known: features.filter((f) => f.status === 'known').length,
      new: features.filter((f) => f.status === 'new').length,
      unknown: features.filter((f) => f.status === 'unknown').length,
    },
    matchedBy,
    metrics: { linkRate: rate(linked, features.length), byLevel: tally((f) => (f.level ? String(f.level) : undefined)), byProduct: tally((f) => f.product), reuse },
    gaps,
    shiftLeft,
  };
  if (labelled.length) report.evaluation = { labelled: labelled.length, purity: Math.round(purity(assignment, unknown.map((f) => f.topic)) * 1000) / 1000, clusters: centroids.length };
  if (keepFeatures) report.features = new Map(features.map((f) => [f.id, f]));
  return report;
}
