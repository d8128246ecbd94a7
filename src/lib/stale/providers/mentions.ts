import { judgedMentions } from '../../lifecycle/judge.ts';
import { mentionMatcher, type Mention } from '../../lifecycle/mentions.ts';
import type { Lifecycle } from '../../lifecycle/read.ts';
import { hasEnded } from '../../lifecycle/resolve.ts';
import type { StaleArticle } from '../article.ts';
import { isoDay } from '../../dates.ts';
import type { StaleProvider, StaleReason } from '../reason.ts';
import { staleReason } from '../reason-text.ts';

/**
 * `mentions-eol`: what the article is about, read from its text, is past end of support.
 * - error: the title (and the `versions:` list, when it names any) speaks only of versions whose
 *   support has ended (`Can't open mailbox on Exchange Server 2010`);
 * - warning: neither title nor versions name a version the data knows, and the body names only
 *   ended ones, at least twice (`... in Internet Explorer`, 23 times).
 * An article whose subject is a supported version is not reported for a passing mention of an
 * old one ("upgrade from Exchange 2010"). The reason points at the first mention (file:line:col)
 * and lists the others in `details.mentions`.
 */
export function mentionsProvider(lifecycle: Lifecycle): StaleProvider<StaleArticle> {
  const matcher = mentionMatcher(lifecycle);
  return ({ articles, today }) => {
    const result = new Map<string, StaleReason[]>();
    if (!lifecycle.products.size) return result;
    for (const article of articles) {
      const titleAt = article.positionOf?.(['title']) ?? { line: 1, column: 1 };
      const title = judgedMentions(matcher.find(article.data.title, titleAt), today);
      const versions = article.data.versions.flatMap((text, index) => {
        const at = article.positionOf?.(['versions', index]) ?? { line: 1, column: 1 };
        return judgedMentions(matcher.find(text, at), today);
      });
      const ended = (m: Mention) => hasEnded(m.end!.eol, today);
      let reason: StaleReason | undefined;
      if (title.length) {
        if ([...title, ...versions].every(ended)) reason = build(article, title, 'error', 'title');
      } else if (!versions.length) {
        // a versions list that the data knows is product-eol's business
        const body = judgedMentions(matcher.find(article.body, { line: article.bodyStartLine }), today);
        // one passing mention is not what an article is about: two or more, and nothing supported
        if (body.length >= 2 && body.every(ended)) reason = build(article, body, 'warning', 'body');
      }
      if (reason) result.set(article.id, [reason]);
    }
    return result;
  };
}

function build(article: StaleArticle, mentions: Mention[], severity: 'error' | 'warning', where: 'title' | 'body'): StaleReason {
  const first = mentions[0]!;
  return staleReason('mentions-eol', severity, {
    where,
    path: article.path,
    line: first.line,
    column: first.column,
    count: mentions.length,
    mentions: mentions.slice(0, 20).map((m) => ({
      text: m.text,
      product: m.product,
      line: m.line,
      column: m.column,
      eol: m.end!.eol instanceof Date ? isoDay(m.end!.eol) : m.end!.eol,
      ...(m.means && { means: m.means }),
    })),
  });
}
