import { labelOf, PhraseBackground } from './labels.ts';
import type { MatchIndex } from './match-index.ts';
import type { RankedTopic } from './rank.ts';
import { surfaceForms } from './text.ts';
import type { Features } from './ticket-matcher.ts';

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
  /** tickets × effort × (1 − nearArticle.share): the order of the report, within the leading gaps and within the broader ones. */
  score: number;
  /**
   * A topic of the tickets that the leading ten gaps do not hold, joined more loosely (a lower
   * centroid cosine, tail-topics.ts): listed after the leading gaps; read its keywords and
   * examples before writing one article for it.
   */
  broader?: true;
  /** Example titles (redacted when the tickets were read). */
  examples: string[];
}

/**
 * The gaps of the report, one per ranked topic: labelled by title phrases the topic's tickets
 * share and the other tickets of `background` do not, with its counts.
 */
export function describeGaps(topics: readonly RankedTopic[], background: readonly Features[], index: MatchIndex): Gap[] {
  const phrases = new PhraseBackground();
  for (const f of background) phrases.add(f.title, f.lang);
  const spelling = surfaceForms();
  return topics.map(({ members, centroid, hours, effort, cohesion, near, score, broader }) => {
    const keywords = [...centroid].slice(0, 6).flatMap(([stem]) => spelling.get(stem) ?? []);
    const spread = Math.max(1, Math.ceil(members.length / 400));
    const label =
      labelOf(
        members.filter((_, i) => i % spread === 0).map((f) => ({ text: f.title, lang: f.lang })),
        phrases,
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
      ...(broader ? { broader: true as const } : {}),
    };
  });
}
