import type { DemandEvent } from '../collect/event.ts';

/** Helpful answers for one article. */
export interface ArticleFeedback {
  id: string;
  yes: number;
  no: number;
  votes: number;
  /** yes / votes, rounded to 3 places; undefined without votes. */
  helpfulRate: number | undefined;
  /** Title from the content folder; absent for ids it does not have (renamed or deleted articles). */
  title?: string;
  /** "Contact support" opened from this article. */
  contacts: number;
}

/** A search text and how often it was searched in vain. */
export interface QueryCount {
  query: string;
  count: number;
  lang: string;
}

export interface FeedbackReport {
  today: string;
  /** First day counted (today minus `days` + 1), or undefined for all events. */
  since: string | undefined;
  events: { read: number; rejected: number; counted: number; byType: Record<DemandEvent['type'], number> };
  /** Articles with votes or contacts, the least helpful (by rate, then most "no") first. */
  articles: ArticleFeedback[];
  /** Searches that found nothing, most frequent first. */
  zeroResults: QueryCount[];
  /** Searches with results that nobody opened, most frequent first. */
  unclicked: QueryCount[];
  contacts: { total: number; fromArticles: number; fromSearch: number };
}

export interface SummariseOptions {
  today: Date;
  /** Count only the last `days` days up to today (default: every event up to today). */
  days?: number | undefined;
  /** Only events of this site. */
  site?: 'public' | 'internal' | undefined;
  /** Counted in `events` so a report says what it could not read. */
  rejected?: number;
  read?: number;
}

const DAY = 86_400_000;

/** How queries are compared: the same search typed with other case or spacing is one query. */
export function queryKey(query: string): string {
  return query.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Per-article helpful rates and the searches that found nothing, from demand events. */
export function summariseFeedback(events: Iterable<DemandEvent>, options: SummariseOptions): FeedbackReport {
  const end = options.today.getTime() + DAY;
  const start = options.days ? end - options.days * DAY : undefined;
  const articles = new Map<string, ArticleFeedback>();
  const zero = new Map<string, QueryCount>();
  const unclicked = new Map<string, QueryCount>();
  const byType = { helpful: 0, search: 0, contact: 0 };
  const contacts = { total: 0, fromArticles: 0, fromSearch: 0 };
  let read = 0;
  let counted = 0;
  const article = (id: string) => {
    let entry = articles.get(id);
    if (!entry) articles.set(id, (entry = { id, yes: 0, no: 0, votes: 0, helpfulRate: undefined, contacts: 0 }));
    return entry;
  };
  const tally = (map: Map<string, QueryCount>, query: string, lang: string) => {
    const key = queryKey(query);
    const entry = map.get(key);
    if (entry) entry.count += 1;
    else map.set(key, { query: key, count: 1, lang });
  };
  for (const event of events) {
    read += 1;
    const time = Date.parse(event.at);
    if (time >= end || (start !== undefined && time < start)) continue;
    if (options.site && event.site !== options.site) continue;
    counted += 1;
    byType[event.type] += 1;
    if (event.type === 'helpful') {
      const entry = article(event.article);
      if (event.helpful) entry.yes += 1;
      else entry.no += 1;
      entry.votes += 1;
    } else if (event.type === 'search') {
      if (event.results === 0) tally(zero, event.query, event.lang);
      else if (!event.clicked) tally(unclicked, event.query, event.lang);
    } else {
      contacts.total += 1;
      if (event.article) {
        contacts.fromArticles += 1;
        article(event.article).contacts += 1;
      } else contacts.fromSearch += 1;
    }
  }
  for (const entry of articles.values()) entry.helpfulRate = entry.votes ? Math.round((entry.yes / entry.votes) * 1000) / 1000 : undefined;
  const byCount = (a: QueryCount, b: QueryCount) => b.count - a.count || a.query.localeCompare(b.query);
  return {
    today: options.today.toISOString().slice(0, 10),
    since: start === undefined ? undefined : new Date(start).toISOString().slice(0, 10),
    events: { read: options.read ?? read, rejected: options.rejected ?? 0, counted, byType },
    articles: [...articles.values()].sort(
      (a, b) => (a.helpfulRate ?? 2) - (b.helpfulRate ?? 2) || b.no - a.no || b.contacts - a.contacts || a.id.localeCompare(b.id),
    ),
    zeroResults: [...zero.values()].sort(byCount),
    unclicked: [...unclicked.values()].sort(byCount),
    contacts,
  };
}
