import type { Level } from '../levels.ts';
import type { MatchIndex } from './match-index.ts';
import type { Features } from './ticket-matcher.ts';

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

/** The matched tickets of each article (by its place in the match index), in ticket order. */
export function ticketsByArticle(features: readonly Features[]): Map<number, Features[]> {
  const perArticle = new Map<number, Features[]>();
  for (const f of features) {
    if (f.doc === undefined) continue;
    const list = perArticle.get(f.doc);
    if (list) list.push(f);
    else perArticle.set(f.doc, [f]);
  }
  return perArticle;
}

/**
 * Shift left: articles that tickets keep needing at level 2 or 3 (at least three tickets) while
 * they are published only internally or above level 1, most tickets first.
 */
export function shiftLeftCandidates(perArticle: ReadonlyMap<number, readonly Features[]>, index: MatchIndex): ShiftLeft[] {
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
  return shiftLeft.sort((a, b) => b.tickets - a.tickets);
}
