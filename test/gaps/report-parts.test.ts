import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticles } from '../../src/lib/content/read-articles.ts';
import { gapsReport } from '../../src/lib/gaps/analyse.ts';
import { formatText } from '../../src/lib/gaps/format.ts';
import { MatchIndex } from '../../src/lib/gaps/match-index.ts';
import { matchTickets } from '../../src/lib/gaps/match-tickets.ts';
import { linkMetrics } from '../../src/lib/gaps/metrics.ts';
import { cohesionOf, effortOf, rankTopics } from '../../src/lib/gaps/rank.ts';
import { median } from '../../src/lib/median.ts';
import { shiftLeftCandidates, ticketsByArticle } from '../../src/lib/gaps/shift-left.ts';
import { countAt, packCounts, TOP_TERMS, type Features } from '../../src/lib/gaps/ticket-matcher.ts';
import { HEAD, regroupTail } from '../../src/lib/gaps/tail-topics.ts';
import { findTopics } from '../../src/lib/gaps/topics.ts';
import { FIXTURE_SITE_CONTENT, ROOT } from '../helpers/paths.ts';

// The parts `kb gaps` builds its report from, one job each: match, find topics, rank, shift left, metrics.

function ticket(id: string, fields: Partial<Features> = {}): Features {
  return {
    id,
    line: 2,
    article: undefined,
    level: undefined,
    escalated: false,
    reopened: false,
    priority: undefined,
    opened: undefined,
    hours: undefined,
    lang: 'en',
    product: undefined,
    topic: undefined,
    title: id,
    doc: undefined,
    via: undefined,
    status: 'unknown',
    top: undefined,
    counts: undefined,
    ...fields,
  };
}

const coffee = Array.from({ length: 12 }, (_, i) => ticket(`C${i}`, { top: ['coffee', 'machine', 'leak', ...(i % 2 ? ['kitchen'] : [])] }));
const vpn = Array.from({ length: 8 }, (_, i) => ticket(`V${i}`, { top: ['vpn', 'token', 'expired', ...(i % 2 ? ['client'] : [])], escalated: true }));

const gapsIndex = new MatchIndex(await readArticles(join(ROOT, 'test/fixtures/gaps/content'), ROOT));

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeUndefined();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });
});

describe('effortOf', () => {
  it('is 1 for plain tickets and grows with escalations, reopenings, time and priority', () => {
    expect(effortOf([ticket('a'), ticket('b')], undefined)).toBe(1);
    expect(effortOf([ticket('a', { escalated: true }), ticket('b')], undefined)).toBe(1.5);
    expect(effortOf([ticket('a', { reopened: true })], undefined)).toBe(2);
    expect(effortOf([ticket('a')], 240)).toBe(2);
    // at most 30 days count
    expect(effortOf([ticket('a')], 10_000)).toBe(4);
    expect(effortOf([ticket('a', { priority: 5 })], undefined)).toBe(2);
    expect(effortOf([ticket('a', { priority: 1 })], undefined)).toBe(0.5);
  });
});

describe('findTopics', () => {
  const topics = findTopics([...coffee, ...vpn, ticket('one-word', { top: ['coffee'] }), ticket('known', { status: 'known', top: ['vpn', 'token'] })]);

  it('clusters only unknown tickets with at least two main terms', () => {
    expect(topics.unknown.map((f) => f.id)).not.toContain('one-word');
    expect(topics.unknown.map((f) => f.id)).not.toContain('known');
    expect(topics.unknown).toHaveLength(20);
  });

  it('puts the tickets of one subject into one topic and different subjects apart', () => {
    const topicOf = (id: string) => topics.assignment[topics.unknown.findIndex((f) => f.id === id)];
    expect(new Set(coffee.map((f) => topicOf(f.id))).size).toBe(1);
    expect(new Set(vpn.map((f) => topicOf(f.id))).size).toBe(1);
    expect(topicOf('C0')).not.toBe(topicOf('V0'));
    expect(topics.groups.map((g) => g.length).sort((a, b) => a - b)).toEqual([8, 12]);
  });
});

describe('packCounts and countAt', () => {
  it('keep the counts of all kept terms, most frequent first, in one small integer, each capped at 3', () => {
    const counts = Array.from({ length: TOP_TERMS }, (_, i) => Math.max(1, 6 - i));
    const packed = packCounts(counts);
    expect(packed).toBeLessThan(2 ** 30);
    expect(counts.map((_, i) => countAt(packed, i))).toEqual(counts.map((n) => Math.min(n, 3)));
    expect(countAt(packed, TOP_TERMS)).toBe(1);
    expect(countAt(packCounts([]), 0)).toBe(1);
  });
});

describe('findTopics with term counts', () => {
  // two subjects share the word "printer"; each ticket says its own subject's word more often
  const paper = Array.from({ length: 10 }, (_, i) => ticket(`P${i}`, { top: ['jam', 'tray', 'printer', `p${i}`], counts: packCounts([3, 2, 1, 1]) }));
  const toner = Array.from({ length: 10 }, (_, i) => ticket(`T${i}`, { top: ['toner', 'cartridge', 'printer', `t${i}`], counts: packCounts([3, 2, 1, 1]) }));

  it('weighs a term a ticket repeats more than one it names once', () => {
    const topics = findTopics([...paper, ...toner]);
    // "jam" and "tray" are in the same tickets (same idf): only the counts tell them apart
    const weights = topics.vectorOf(paper[0]!);
    expect(weights.get('jam')).toBeGreaterThan(weights.get('tray')!);
    expect(weights.get('tray')).toBeGreaterThan(weights.get('printer')!);
    const topicOf = (f: Features) => topics.assignment[topics.unknown.indexOf(f)];
    expect(new Set(paper.map(topicOf)).size).toBe(1);
    expect(topicOf(paper[0]!)).not.toBe(topicOf(toner[0]!));
  });
});

describe('cohesionOf', () => {
  it('is 1 when every ticket is its topic centre', () => {
    const topics = findTopics(Array.from({ length: 6 }, (_, i) => ticket(`S${i}`, { top: ['same', 'words'] })));
    expect(cohesionOf(topics.unknown, topics.vectorOf(topics.unknown[0]!), topics.vectorOf)).toBeCloseTo(1);
  });
});

describe('rankTopics', () => {
  const topics = findTopics([...coffee, ...vpn]);

  it('orders topics by tickets × effort, escalated tickets first', () => {
    const ranked = rankTopics(topics, { index: gapsIndex, threshold: 0.375, minTickets: 3 });
    expect(ranked.map((t) => t.members.length)).toEqual([8, 12]);
    expect(ranked[0]?.score).toBe(16);
    expect(ranked[1]?.score).toBe(12);
  });

  it('leaves out topics smaller than minTickets', () => {
    expect(rankTopics(topics, { index: gapsIndex, threshold: 0.375, minTickets: 10 }).map((t) => t.members.length)).toEqual([12]);
  });
});

describe('ticketsByArticle and shiftLeftCandidates', async () => {
  const index = new MatchIndex(await readArticles(FIXTURE_SITE_CONTENT, ROOT));
  const high = index.articles.findIndex((a) => a.data.level > 1);
  const open = index.articles.findIndex((a) => a.data.level === 1 && a.data.audience === 'public');
  const linked = (id: string, doc: number, level: 1 | 2 | 3) => ticket(id, { doc, article: index.articles[doc]?.id, level, status: 'known' });

  it('groups linked tickets by article', () => {
    const perArticle = ticketsByArticle([linked('A', high, 2), ticket('B'), linked('C', high, 3)]);
    expect([...perArticle.keys()]).toEqual([high]);
    expect(perArticle.get(high)?.map((f) => f.id)).toEqual(['A', 'C']);
  });

  it('names an article above level 1 that three or more tickets needed at level 2 or 3', () => {
    const candidates = shiftLeftCandidates(ticketsByArticle([linked('A', high, 2), linked('B', high, 3), linked('C', high, 2), linked('D', high, 1)]), index);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({ article: index.articles[high]?.id, tickets: 3, ticketIds: ['A', 'B', 'C'], resolvedAt: { '2': 2, '3': 1 } });
  });

  it('leaves out public level-1 articles and articles with fewer tickets', () => {
    expect(shiftLeftCandidates(ticketsByArticle([linked('A', open, 2), linked('B', open, 2), linked('C', open, 3)]), index)).toEqual([]);
    expect(shiftLeftCandidates(ticketsByArticle([linked('A', high, 2), linked('B', high, 2)]), index)).toEqual([]);
  });
});

describe('linkMetrics', () => {
  it('counts linked tickets in all, by level, by product and per article', () => {
    const features = [
      ticket('A', { doc: 0, level: 1, product: 'mail', status: 'known' }),
      ticket('B', { doc: 0, level: 2, product: 'mail', status: 'known' }),
      ticket('C', { level: 2 }),
      ticket('D'),
    ];
    const metrics = linkMetrics(features, ticketsByArticle(features), gapsIndex);
    expect(metrics.linkRate).toBe(0.5);
    expect(metrics.byLevel).toEqual({
      '1': { tickets: 1, linked: 1, linkRate: 1 },
      '2': { tickets: 2, linked: 1, linkRate: 0.5 },
      unknown: { tickets: 1, linked: 0, linkRate: 0 },
    });
    expect(metrics.byProduct['mail']).toEqual({ tickets: 2, linked: 2, linkRate: 1 });
    expect(metrics.reuse).toEqual([{ article: gapsIndex.articles[0]?.id, tickets: 2 }]);
  });
});

describe('regroupTail', () => {
  // 24 subjects with no word in common, 25 tickets each: the first pass looks for 15 topics (one
  // per 40 tickets), so some subjects find no centre and are like no topic
  const subjects = Array.from({ length: 24 }, (_, s) =>
    Array.from({ length: 25 }, (_, i) => ticket(`S${s}-${i}`, { top: [`subject${s}`, `thing${s}`, `part${s}${i % 3}`], escalated: i < s })),
  );
  const topics = findTopics(subjects.flat());
  const rank = { index: gapsIndex, threshold: 0.375, minTickets: 3 };
  const first = rankTopics(topics, rank);
  const subjectOf = (t: { members: Features[] }) => new Set(t.members.map((f) => f.id.split('-')[0]));

  it('keeps the leading topics as found and finds topics among the tickets after them', () => {
    expect(first.length).toBeGreaterThan(HEAD);
    expect(first.length).toBeLessThan(24);
    const { ranked, groups } = regroupTail(first, topics, rank);
    expect(ranked.slice(0, HEAD)).toEqual(first.slice(0, HEAD));
    // every subject is one topic now: those after the leading ten found again, the ones left out found
    expect(ranked).toHaveLength(24);
    for (const t of ranked) expect(subjectOf(t).size).toBe(1);
    expect(new Set(ranked.flatMap((t) => [...subjectOf(t)])).size).toBe(24);
    expect(groups.flat()).toHaveLength(600);
  });

  it('is what gapsReport lists: the leading ten first, then the rest by score, none like no topic', () => {
    const report = gapsReport({
      index: gapsIndex,
      threshold: 0.375,
      stats: { read: 600, accepted: 600, rejected: 0, tickets: 600, rejections: [], rejectionsTotal: 0, rejectionsByRule: {}, problems: [], files: [] },
      features: subjects.flat(),
      matchedBy: { 'ticket-field': 0, 'article-tickets': 0, 'error-code': 0, text: 0 },
    });
    expect(report.gaps).toHaveLength(24);
    expect(report.gaps.slice(0, HEAD).map((g) => g.tickets)).toEqual(first.slice(0, HEAD).map((t) => t.members.length));
    const tail = report.gaps.slice(HEAD).map((g) => g.score);
    expect(tail).toEqual([...tail].sort((a, b) => b - a));
    expect(report.gaps.map((g) => g.broader ?? false)).toEqual(report.gaps.map((_, i) => i >= HEAD));
    // the text report says where the broader topics begin
    expect(formatText(report, 30)).toMatch(/\n 10\. .*\n.*\n {5}broader topics of the tickets the leading gaps do not hold:\n 11\. /);
    expect(report.other).toEqual({ tickets: 0, topics: 0, unlike: 0 });
  });
});

describe('matchTickets and gapsReport', () => {
  it('match every accepted ticket once, and report from the matched tickets without reading again', async () => {
    const matched = await matchTickets({
      contentDir: join(ROOT, 'test/fixtures/gaps/content'),
      root: ROOT,
      files: [join(ROOT, 'test/fixtures/gaps/stale-tickets.csv')],
    });
    expect(matched.features).toHaveLength(matched.stats.accepted);
    expect(matched.threshold).toBe(0.375);
    const report = gapsReport(matched);
    expect(report.tickets).toBe(matched.stats);
    expect(report.classification.known + report.classification.new + report.classification.unknown).toBe(matched.features.length);
  });
});

describe('the other line of gapsReport', () => {
  it('says how many unknown tickets are in smaller topics and how many are like no topic', () => {
    const lone = [ticket('L1', { top: ['coffee'] }), ticket('L2', { top: ['parking', 'garage', 'barrier'] })];
    const matched = {
      index: gapsIndex,
      threshold: 0.375,
      stats: { read: 22, accepted: 22, rejected: 0, tickets: 22, rejections: [], rejectionsTotal: 0, rejectionsByRule: {}, problems: [], files: [] },
      features: [...coffee, ...vpn, ...lone],
      matchedBy: { 'ticket-field': 0, 'article-tickets': 0, 'error-code': 0, text: 0 },
    };
    const report = gapsReport(matched, { maxGaps: 1 });
    expect(report.gaps.map((g) => g.tickets)).toEqual([8]);
    expect(report.other).toEqual({ tickets: 14, topics: 1, unlike: 2 });
    expect(formatText(report)).toContain('other: 14 tickets in no gap above (12 in 1 smaller topic, 2 like no topic)');
  });
});
