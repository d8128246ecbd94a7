import type { MatchIndex } from './match-index.ts';
import type { Features } from './ticket-matcher.ts';

export interface LinkRate {
  tickets: number;
  linked: number;
  linkRate: number;
}

export interface LinkMetrics {
  /** Share of tickets linked to an article. */
  linkRate: number;
  byLevel: Record<string, LinkRate>;
  byProduct: Record<string, LinkRate>;
  /** Articles by the tickets linked to them, most first. */
  reuse: { article: string; tickets: number }[];
}

function rate(linked: number, tickets: number): number {
  return tickets ? Math.round((linked / tickets) * 1000) / 1000 : 0;
}

/** How many tickets are linked to an article: in all, by level, by product, and per article. */
export function linkMetrics(features: readonly Features[], perArticle: ReadonlyMap<number, readonly Features[]>, index: MatchIndex): LinkMetrics {
  const linked = features.filter((f) => f.doc !== undefined).length;
  const tally = (key: (f: Features) => string | undefined) => {
    const out: Record<string, LinkRate> = {};
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
  return {
    linkRate: rate(linked, features.length),
    byLevel: tally((f) => (f.level ? String(f.level) : undefined)),
    byProduct: tally((f) => f.product),
    reuse,
  };
}
