import type { StaleArticle } from '../stale/article.ts';
import { isoDay } from '../dates.ts';
import type { StaleProvider, StaleReason } from '../stale/reason.ts';
import { matchTickets } from './match-tickets.ts';
import type { Features } from './ticket-matcher.ts';
import { staleReason } from '../stale/reason-text.ts';

const DAY = 86_400_000;

/** What `kb stale --tickets` hands to the ticket provider. */
export interface TicketProviderOptions {
  /** Ticket export files as given on the command line. */
  files: string[];
  contentDir: string;
  root: string;
  /** Days without a ticket after which a validated article counts as unused (default 365). */
  unusedDays?: number;
}

/**
 * Ticket reasons for `kb stale --tickets FILE`: an article whose tickets kept being escalated or
 * reopened after its last review no longer solves the problem; an article no ticket has needed
 * for `unusedDays` (while the export covers that time) may be obsolete.
 */
export async function ticketStaleProvider(options: TicketProviderOptions): Promise<StaleProvider<StaleArticle>> {
  const { features } = await matchTickets({ contentDir: options.contentDir, root: options.root, files: options.files });
  const byArticle = new Map<string, Features[]>();
  let latest = 0;
  // a ticket in two exports counts once, as its later row says
  for (const f of new Map(features.map((t) => [t.id, t])).values()) {
    if (f.opened) latest = Math.max(latest, f.opened.getTime());
    if (!f.article) continue;
    const list = byArticle.get(f.article);
    if (list) list.push(f);
    else byArticle.set(f.article, [f]);
  }
  const unusedDays = options.unusedDays ?? 365;
  return ({ articles, today }) => {
    const reasons = new Map<string, StaleReason[]>();
    const windowStart = today.getTime() - unusedDays * DAY;
    for (const article of articles) {
      const list: StaleReason[] = [];
      const tickets = byArticle.get(article.id) ?? [];
      const reviewed = article.data.reviewed?.getTime() ?? 0;
      const after = tickets.filter((t) => (t.opened?.getTime() ?? 0) > reviewed);
      const escalated = after.filter((t) => t.escalated);
      const reopened = after.filter((t) => t.reopened);
      const since = article.data.reviewed && { reviewed: isoDay(article.data.reviewed) };
      if (escalated.length) {
        list.push(staleReason('ticket-escalations', 'error', { tickets: escalated.map((t) => t.id), ...since }));
      }
      if (reopened.length) {
        list.push(staleReason('ticket-reopened', 'error', { tickets: reopened.map((t) => t.id), ...since }));
      }
      // only when the export reaches into the window: an old export says nothing about recent use
      const recent = tickets.filter((t) => (t.opened?.getTime() ?? 0) >= windowStart);
      if (latest >= windowStart && recent.length === 0 && article.data.state === 'validated') {
        const last = tickets.length ? isoDay(new Date(Math.max(...tickets.map((t) => t.opened?.getTime() ?? 0)))) : undefined;
        list.push(staleReason('unused', 'info', { tickets: tickets.length, unusedDays, ...(last && { last }) }));
      }
      if (list.length) reasons.set(article.id, list);
    }
    return reasons;
  };
}
