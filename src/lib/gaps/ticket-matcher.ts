import { articleIdOfPath } from '../article-id.ts';
import type { Level } from '../levels.ts';
import { canonicalErrorCode, findErrorCodes } from '../error-codes.ts';
import { withoutPlaceholders } from '../redact.ts';
import type { Ticket } from '../tickets/types.ts';
import type { MatchIndex } from './match-index.ts';
import { termCounts, terms } from './text.ts';

export type Via = 'ticket-field' | 'article-tickets' | 'error-code' | 'text';

/** What is kept of each ticket: a few numbers, never its text (1,000,000 tickets must fit). */
export interface Features {
  id: string;
  /** Line (or record) of the export the ticket came from. */
  line: number;
  /** The matched article's id. */
  article: string | undefined;
  level: Level | undefined;
  escalated: boolean;
  reopened: boolean;
  /** 1 (very low) to 5 (very high), when the export has a priority column. */
  priority: number | undefined;
  opened: Date | undefined;
  hours: number | undefined;
  lang: string;
  product: string | undefined;
  topic: string | undefined;
  /** The first words of an unmatched ticket's title (examples of a gap); empty when matched. */
  title: string;
  doc: number | undefined;
  via: Via | undefined;
  status: 'known' | 'new' | 'unknown';
  /** The unmatched ticket's main terms, most frequent first, for topic clustering. */
  top: string[] | undefined;
  /** How often each of `top` occurs in the ticket, packed by `packCounts` (one small integer, not an array per ticket). */
  counts: number | undefined;
}

/**
 * Terms kept of an unmatched ticket for clustering: 20, not 12, because a ticket's rarer words
 * (the product, the thing that broke) come after the words every ticket of its kind uses.
 */
export const TOP_TERMS = 20;
/** Counts are capped here: a term said three times is the ticket's subject. */
const MAX_COUNT = 3;

/**
 * The counts of a ticket's terms, most frequent first (so never rising), as one small integer:
 * how many terms were said at least 3 times and how many at least twice. A small integer is
 * stored inside the ticket's object; an array or a large number would cost a million tickets
 * 20–50 MB more.
 */
export function packCounts(counts: readonly number[]): number {
  let twice = 0;
  let thrice = 0;
  for (const n of counts.slice(0, TOP_TERMS)) {
    if (n >= 2) twice++;
    if (n >= MAX_COUNT) thrice++;
  }
  return thrice * 32 + twice;
}

/** The count of term `i` (capped at 3) from `packCounts`; 1 when nothing was packed. */
export function countAt(packed: number, i: number): number {
  return i < Math.floor(packed / 32) ? MAX_COUNT : i < packed % 32 ? 2 : 1;
}

/** The start of a text up to `max` characters, cut at a word's end: examples and labels show whole words. */
function firstWords(text: string, max: number): string {
  const line = text
    .trim()
    .slice(0, 4 * max)
    .replace(/\s+/g, ' ');
  if (line.length <= max) return line;
  const cut = line.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return space > 0 ? cut.slice(0, space) : '';
}

export function emptyMatchCounts(): Record<Via, number> {
  return { 'ticket-field': 0, 'article-tickets': 0, 'error-code': 0, text: 0 };
}

/**
 * Matches tickets to articles: explicit links first (a ticket field naming an article, an
 * article's `tickets:` list), then error codes, then text similarity above `threshold`.
 */
export class TicketMatcher {
  readonly index: MatchIndex;
  private readonly threshold: number;

  constructor(index: MatchIndex, threshold: number) {
    this.index = index;
    this.threshold = threshold;
  }

  private match(ticket: Ticket, words: readonly string[]): { doc: number; via: Via } | undefined {
    const index = this.index;
    for (const link of ticket.articles) {
      const doc = index.byId.get(articleIdOfPath(link) ?? link);
      if (doc !== undefined) return { doc, via: 'ticket-field' };
    }
    const linked = index.byTicket.get(ticket.id);
    if (linked !== undefined) return { doc: linked, via: 'article-tickets' };
    // no article lists an error code: no need to look for one in the ticket
    if (index.byErrorCode.size) {
      for (const code of findErrorCodes(`${ticket.title} ${ticket.body}`)) {
        const docs = index.byErrorCode.get(canonicalErrorCode(code));
        if (docs?.length) return { doc: docs[0] as number, via: 'error-code' };
      }
    }
    const found = index.search(words);
    return found && found.confidence >= this.threshold ? { doc: found.doc, via: 'text' } : undefined;
  }

  /** A ticket's features: its match, known/new/unknown, and for unmatched tickets its main terms. */
  features(ticket: Ticket): Features {
    const lang = ticket.lang ?? 'en';
    const words = terms(withoutPlaceholders(`${ticket.title} ${ticket.title} ${ticket.body}`.slice(0, 4000)), lang);
    // a ticket's gist: its most frequent terms; long texts would drown a match in greetings and noise
    const counted = [...termCounts(words)].sort((a, b) => b[1] - a[1]).slice(0, TOP_TERMS);
    const gist = counted.map(([t]) => t);
    const found = this.match(ticket, gist.slice(0, 8));
    let status: Features['status'] = 'unknown';
    if (found) {
      const written = this.index.articles[found.doc]?.data.reviewed;
      status = !written || !ticket.opened || written <= ticket.opened ? 'known' : 'new';
    }
    return {
      id: ticket.id,
      line: ticket.line,
      article: found ? this.index.articles[found.doc]?.id : undefined,
      level: ticket.level,
      escalated: ticket.escalations > 0 || (ticket.level ?? 1) > 1,
      reopened: ticket.reopened > 0,
      priority: ticket.priority,
      opened: ticket.opened,
      hours: ticket.hours ?? (ticket.opened && ticket.resolved ? (ticket.resolved.getTime() - ticket.opened.getTime()) / 3.6e6 : undefined),
      lang,
      product: ticket.product,
      topic: ticket.topic,
      title: found ? '' : firstWords(ticket.title || ticket.body, 80),
      doc: found?.doc,
      via: found?.via,
      status,
      top: found ? undefined : gist,
      counts: found ? undefined : packCounts(counted.map(([, n]) => n)),
    };
  }
}
