import { describe, expect, it } from 'vitest';
import { parseArticle, validateFrontmatter } from '../../src/lib/content/parse-article.ts';
import type { SourceArticle } from '../../src/lib/content/read-articles.ts';
import { MatchIndex } from '../../src/lib/gaps/match-index.ts';
import { emptyMatchCounts, TicketMatcher } from '../../src/lib/gaps/ticket-matcher.ts';
import { termCounts, terms } from '../../src/lib/gaps/text.ts';
import type { Ticket } from '../../src/lib/tickets/types.ts';

function article(id: string, front: string, body: string): SourceArticle {
  const source = `---\ntitle: ${front}\nsummary: ${front}.\nlevel: 1\naudience: public\nproduct: mail\nowner: '@x'\nlang: en\n${id.includes('vpn') ? "error_codes: ['0x80070005']\ntickets: [INC42]\nreviewed: 2026-06-01\n" : ''}---\n${body}\n`;
  const parsed = parseArticle(source, `articles/${id}.mdx`, id);
  const { data, issues } = validateFrontmatter(parsed);
  return { id, file: `/x/${id}.mdx`, path: `articles/${id}.mdx`, parsed, data, issues };
}

const ARTICLES = [
  article('en/printer-offline', 'Printer shows as offline', 'The printer spooler stopped. Restart the print spooler service and the printer queue.'),
  article('en/vpn-token', 'VPN token expired', 'The VPN client refuses the token. Renew the VPN token in the self-service portal.'),
  article('en/mailbox-full', 'Mailbox is full', 'Outlook says the mailbox quota is exceeded. Archive old mail.'),
];

const ticket = (id: string, title: string, extra: Partial<Ticket> = {}): Ticket => ({
  id,
  file: 't.csv',
  line: 2,
  title,
  body: '',
  escalations: 0,
  reopened: 0,
  articles: [],
  tags: [],
  ...extra,
});

describe('terms and termCounts', () => {
  it('stems, drops stop words, numbers and short words', () => {
    expect(terms('The printers are printing 2026 ok')).toEqual(['printer', 'print']);
    expect(terms('Die Drucker drucken nicht', 'de')).toEqual(['druck', 'druck']);
    expect([...termCounts(['a', 'b', 'a'])]).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });
});

describe('MatchIndex', () => {
  const index = new MatchIndex(ARTICLES);
  it('indexes ids, ticket ids and error codes of built articles', () => {
    expect(index.byId.get('en/vpn-token')).toBe(1);
    expect(index.byTicket.get('INC42')).toBe(1);
    expect([...index.byErrorCode.values()]).toEqual([[1]]);
  });
  it('finds the best article for a ticket’s terms with the share of terms it holds', () => {
    const found = index.search(terms('printer spooler stopped'));
    expect(found?.doc).toBe(0);
    expect(found?.confidence).toBe(1);
    expect(index.search(terms('coffee machine'))).toBeUndefined();
  });
  it('crosses to another thread as plain data and answers the same there', () => {
    const copy = MatchIndex.fromShared(structuredClone(index.toShared()));
    for (const query of ['printer spooler stopped', 'renew vpn token portal', 'outlook mailbox quota archive', 'coffee machine'])
      expect(copy.search(terms(query))).toEqual(index.search(terms(query)));
    expect([copy.byId, copy.byTicket, copy.byErrorCode]).toEqual([index.byId, index.byTicket, index.byErrorCode]);
    expect(copy.articles.map((a) => [a.id, a.length, a.data.title])).toEqual(index.articles.map((a) => [a.id, a.length, a.data.title]));
  });
});

describe('TicketMatcher', () => {
  const matcher = new TicketMatcher(new MatchIndex(ARTICLES), 0.375);
  it('prefers an article named by the ticket, by URL or id', () => {
    expect(matcher.features(ticket('T1', 'Printer offline', { articles: ['/en/articles/mailbox-full/'] }))).toMatchObject({
      article: 'en/mailbox-full',
      via: 'ticket-field',
    });
    expect(matcher.features(ticket('T2', 'x', { articles: ['en/vpn-token'] }))).toMatchObject({ article: 'en/vpn-token', via: 'ticket-field' });
  });
  it('then an article listing the ticket, then an error code, then the text', () => {
    expect(matcher.features(ticket('INC42', 'anything'))).toMatchObject({ article: 'en/vpn-token', via: 'article-tickets' });
    expect(matcher.features(ticket('T3', 'Error 80070005 when connecting'))).toMatchObject({ article: 'en/vpn-token', via: 'error-code' });
    expect(matcher.features(ticket('T4', 'Print spooler stopped, printer queue stuck'))).toMatchObject({
      article: 'en/printer-offline',
      via: 'text',
      status: 'known',
      top: undefined,
    });
  });
  it('calls a ticket new when its article was reviewed after it was opened', () => {
    expect(matcher.features(ticket('T5', 'x', { articles: ['en/vpn-token'], opened: new Date('2026-01-01') })).status).toBe('new');
  });
  it('keeps the main terms of an unmatched ticket for clustering, and counts escalation by level', () => {
    const f = matcher.features(ticket('T6', 'Coffee machine leaks water', { level: 2 }));
    expect(f).toMatchObject({ article: undefined, status: 'unknown', escalated: true });
    expect(f.top).toEqual(expect.arrayContaining(['coffe', 'machin', 'leak', 'water']));
  });
});

describe('emptyMatchCounts', () => {
  it('has a zero for every way of matching', () => {
    expect(emptyMatchCounts()).toEqual({ 'ticket-field': 0, 'article-tickets': 0, 'error-code': 0, text: 0 });
  });
});
