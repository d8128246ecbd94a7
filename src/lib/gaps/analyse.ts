import type { Level } from '../levels.ts';
import { readArticles } from '../content/read-articles.ts';
import type { ReadOptions } from '../tickets/read.ts';
import type { ReadStats } from '../tickets/types.ts';
import { MatchIndex } from './match-index.ts';
import { cluster, normalise, purity, type Vector } from './cluster.ts';
import { readAndMatch, type ParallelOptions } from './read-and-match.ts';
import { labelOf, PhraseBackground } from './labels.ts';
import { resetSpellingCounts, surfaceForms } from './text.ts';
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
  /** Most gaps reported; smaller topics are counted in `other`. */
  maxGaps?: number;
  /** Topics to look for (default: √(n/2) of the clustered sample). */
  topics?: number;
  /** Topics whose centroids are at least this similar (cosine) become one. */
  mergeAt?: number;
}

export interface Gap {
  /** One or two phrases as the tickets' titles spell them ("VPN-Störung / Zertifikat"). */
  label: string;
  /** The topic's main words, each as the tickets spell it most often. */
  keywords: string[];
  tickets: number;
  ticketIds: string[];
  /** Tickets by the level that resolved them (`unknown` where the export does not say). */
  levels: Record<string, number>;
  languages: Record<string, number>;
  /** Tickets handed to another group or resolved above level 1. */
  escalated: number;
  /** Tickets reopened at least once. */
  reopened: number;
  /** Tickets of high or very high priority (4–5 of 5). */
  urgent: number;
  medianHoursToResolve: number | undefined;
  /** How much a ticket of this topic costs compared with a plain one (1): see `effortOf`. */
  effort: number;
  /** How alike the topic's tickets are: their mean cosine similarity to the topic's centre (0–1). */
  cohesion: number;
  /**
   * The article most of the topic's tickets come close to without matching it (at least half the
   * match threshold, terms weighted by how rare they are among the unknown tickets), and the share
   * of the topic's tickets that do: an article that may answer them already, or should.
   */
  nearArticle?: { article: string; share: number };
  /** tickets × effort × (1 − nearArticle.share): the order of the report. */
  score: number;
  /** Example titles (redacted when the tickets were read). */
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
  /** The leading topics, most important first (at most `maxGaps`). */
  gaps: Gap[];
  /** Unknown tickets in no leading gap: smaller topics, and tickets too unlike any topic. */
  other: { tickets: number; topics: number };
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
function nearArticle(
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

function rate(linked: number, tickets: number): number {
  return tickets ? Math.round((linked / tickets) * 1000) / 1000 : 0;
}

/** Reads the exports, matches tickets to articles, clusters the unmatched ones into gaps. */
export async function analyseGaps(options: GapsOptions, keepFeatures = false): Promise<GapsReport> {
  const index = new MatchIndex(await readArticles(options.contentDir, options.root));
  const threshold = options.threshold ?? 0.375;
  resetSpellingCounts();
  const { stats, features, matchedBy } = await readAndMatch(options.files, new TicketMatcher(index, threshold), { ...options, threshold });

  const phase = process.env['KB_GAPS_TIMING']
    ? (name: string) =>
        console.error(
          `${name}: ${(performance.now() / 1000).toFixed(1)} s, heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`,
        )
    : () => {};
  phase('read and matched');
  // topics of the unknown tickets: tf-idf over their top terms, then clustering
  const unknown = features.filter((f) => f.status === 'unknown' && f.top && f.top.length >= 2);
  const df = new Map<string, number>();
  for (const f of unknown) for (const t of new Set(f.top)) df.set(t, (df.get(t) ?? 0) + 1);
  // idf squared: a topic is named by its rarer words ("Gutscheincode"), not by "Fehler" or "Ausfall"
  // a token with a digit that only one ticket has (an id, an address, an error number) says nothing
  // about a topic, and its high idf would drown the words that do
  const idf = new Map([...df].map(([t, n]) => [t, n < 2 && /\d/.test(t) ? 0 : Math.log(1 + unknown.length / n) ** 2]));
  const vectorOf = (f: Features): Vector => {
    const vector: Vector = new Map();
    for (const t of f.top ?? []) vector.set(t, idf.get(t) ?? 0);
    return normalise(vector);
  };
  // a word many unknown tickets share (a signature, a disclaimer) says little about which article answers one
  const ticketWeight = (t: string) => Math.log(1 + unknown.length / (df.get(t) ?? 1));
  // cluster an evenly spread sample, then assign every unknown ticket to its nearest topic
  const step = Math.max(1, Math.ceil(unknown.length / 4000));
  const sample = unknown.filter((_, i) => i % step === 0);
  const { centroids, assign } = cluster(sample.map(vectorOf), {
    ...(options.topics ? { topics: options.topics } : {}),
    ...(options.mergeAt === undefined ? {} : { mergeAt: options.mergeAt }),
  });
  phase(`clustered ${unknown.length} unknown tickets into ${centroids.length} topics`);
  const assignment = unknown.map((f) => assign(vectorOf(f)));
  phase('assigned');
  const groups = centroids.map(() => [] as Features[]);
  assignment.forEach((c, i) => {
    if (c >= 0) groups[c]?.push(unknown[i] as Features);
  });
  const minTickets = options.minTickets ?? 3;
  const ranked = groups
    .map((members, i) => {
      const hours = median(members.flatMap((f) => (f.hours === undefined ? [] : [f.hours])));
      const effort = effortOf(members, hours);
      const centre = centroids[i] ?? new Map<string, number>();
      const spread = Math.max(1, Math.ceil(members.length / 500));
      let similarity = 0;
      let counted = 0;
      for (let m = 0; m < members.length; m += spread) {
        for (const [t, w] of vectorOf(members[m] as Features)) similarity += w * (centre.get(t) ?? 0);
        counted++;
      }
      const cohesion = counted ? similarity / counted : 0;
      const near = nearArticle(members, index, ticketWeight, threshold / 2);
      return { members, centroid: centre, hours, effort, cohesion, near, score: members.length * effort * (1 - (near?.share ?? 0)) };
    })
    .filter((g) => g.members.length >= minTickets)
    .sort((a, b) => b.score - a.score || b.members.length - a.members.length);
  const leading = ranked.slice(0, options.maxGaps ?? 30);
  // labels: title phrases the topic's tickets share and the others do not
  const background = new PhraseBackground();
  for (const f of sample) background.add(f.title, f.lang);
  const spelling = surfaceForms();
  const gaps: Gap[] = leading.map(({ members, centroid, hours, effort, cohesion, near, score }) => {
    const keywords = [...centroid].slice(0, 6).flatMap(([stem]) => spelling.get(stem) ?? []);
    const spread = Math.max(1, Math.ceil(members.length / 400));
    const label =
      labelOf(
        members.filter((_, i) => i % spread === 0).map((f) => ({ text: f.title, lang: f.lang })),
        background,
      ) ?? keywords.slice(0, 3).join(' / ');
    const levels: Record<string, number> = {};
    const languages: Record<string, number> = {};
    for (const f of members) {
      levels[String(f.level ?? 'unknown')] = (levels[String(f.level ?? 'unknown')] ?? 0) + 1;
      languages[f.lang] = (languages[f.lang] ?? 0) + 1;
    }
    return {
      label,
      keywords,
      tickets: members.length,
      ticketIds: members.map((f) => f.id),
      levels,
      languages,
      escalated: members.filter((f) => f.escalated).length,
      reopened: members.filter((f) => f.reopened).length,
      urgent: members.filter((f) => (f.priority ?? 0) >= 4).length,
      medianHoursToResolve: hours === undefined ? undefined : Math.round(hours * 10) / 10,
      effort: Math.round(effort * 100) / 100,
      cohesion: Math.round(cohesion * 100) / 100,
      score: Math.round(score * 10) / 10,
      ...(near ? { nearArticle: { article: index.articles[near.doc]?.id ?? String(near.doc), share: Math.round(near.share * 100) / 100 } } : {}),
      examples: members.slice(0, 3).map((f) => f.title),
    };
  });
  const unknownTotal = features.filter((f) => f.status === 'unknown').length;
  const other = { tickets: unknownTotal - gaps.reduce((sum, g) => sum + g.tickets, 0), topics: ranked.length - leading.length };

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
  const reuse = [...perArticle]
    .map(([doc, list]) => ({ article: index.articles[doc]?.id ?? String(doc), tickets: list.length }))
    .sort((a, b) => b.tickets - a.tickets);
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
    metrics: {
      linkRate: rate(linked, features.length),
      byLevel: tally((f) => (f.level ? String(f.level) : undefined)),
      byProduct: tally((f) => f.product),
      reuse,
    },
    gaps,
    other,
    shiftLeft,
  };
  if (labelled.length)
    report.evaluation = {
      labelled: labelled.length,
      purity:
        Math.round(
          purity(
            assignment,
            unknown.map((f) => f.topic),
          ) * 1000,
        ) / 1000,
      clusters: centroids.length,
    };
  if (keepFeatures) report.features = new Map(features.map((f) => [f.id, f]));
  return report;
}
