import { judgedMentions, judgeVersion } from '../../lifecycle/judge.ts';
import { mentionMatcher } from '../../lifecycle/mentions.ts';
import { EMPTY_LIFECYCLE, type Lifecycle } from '../../lifecycle/read.ts';
import { hasEnded } from '../../lifecycle/resolve.ts';
import type { End } from '../../lifecycle/schema.ts';
import type { Taxonomy } from '../../schema/taxonomy.ts';
import type { StaleArticle } from '../article.ts';
import { addDays, daysBetween, isoDay } from '../../dates.ts';
import type { StaleProvider, StaleReason } from '../reason.ts';
import { staleReason } from '../reason-text.ts';

/** Default for the warning window: a quarter, the usual horizon for planning a retirement. */
export const EOL_SOON_DAYS = 90;

interface Subject {
  text: string;
  eol: End;
  line?: number | undefined;
  column?: number | undefined;
}

/**
 * `eol-soon`: everything the article is about goes out of support within `days`: every version
 * in `versions:` that anyone knows (else every version its title names) has ended or ends by
 * then, and at least one has not ended yet (when all have, `product-eol` or `mentions-eol` says
 * so). A warning, so the owner rewrites or retires the article before it is out of date, not
 * after. Points at the version that ends last: that day the article is out of date.
 */
export function eolSoonProvider(taxonomy: Taxonomy, lifecycle: Lifecycle = EMPTY_LIFECYCLE, days = EOL_SOON_DAYS): StaleProvider<StaleArticle> {
  const matcher = mentionMatcher(lifecycle);
  return ({ articles, today }) => {
    const result = new Map<string, StaleReason[]>();
    const horizon = addDays(today, days);
    for (const article of articles) {
      let subjects: Subject[] = article.data.versions.flatMap((name, index) => {
        const version = judgeVersion(name, article.data.product, taxonomy, lifecycle, today);
        if (!version) return [];
        const at = article.positionOf?.(['versions', index]);
        return [{ text: version.text, eol: version.eol, line: at?.line, column: at?.column }];
      });
      if (!subjects.length) {
        const at = article.positionOf?.(['title']) ?? { line: 1, column: 1 };
        subjects = judgedMentions(matcher.find(article.data.title, at), today).map((m) => ({ text: m.text, eol: m.end!.eol, line: m.line, column: m.column }));
      }
      const open = subjects.filter((s) => !hasEnded(s.eol, today));
      if (!open.length || !subjects.every((s) => hasEnded(s.eol, horizon))) continue;
      // every open one has a day here: `false` never ends and `true` has already ended
      const last = open.reduce((a, b) => ((b.eol as Date) > (a.eol as Date) ? b : a));
      const eol = last.eol as Date;
      result.set(article.id, [
        staleReason('eol-soon', 'warning', {
          version: last.text,
          eol: isoDay(eol),
          inDays: daysBetween(today, eol),
          others: open.filter((s) => s !== last).map((s) => s.text),
          path: article.path,
          ...(last.line !== undefined && { line: last.line, column: last.column ?? 1 }),
        }),
      ]);
    }
    return result;
  };
}
