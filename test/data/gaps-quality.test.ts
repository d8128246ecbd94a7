import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { gapsReport, type GapsReport } from '../../src/lib/gaps/analyse.ts';
import { matchTickets } from '../../src/lib/gaps/match-tickets.ts';
import { topicQuality, type TopicQuality } from '../../src/lib/gaps/quality.ts';
import { isStopWord } from '../../src/lib/gaps/text.ts';
import { ROOT, SHARED } from '../helpers/paths.ts';

// Topic quality of `kb gaps` over two labelled ticket sets, read in place (never copied: the
// German set is CC BY-NC). The labels (`queue`, `Topic_group`) are only compared with, never used.
const GERMAN = join(SHARED, 'tickets/german-synthetic-labelled/tickets-de-labelled.csv');
const ENGLISH = join(SHARED, 'tickets/it-service-ticket-classification/all_tickets_processed_improved_v3.partial.csv');
const CONTENT = join(ROOT, 'test/fixtures/gaps/content');

async function run(file: string, map: Record<string, string>): Promise<{ report: GapsReport; quality: TopicQuality }> {
  const matched = await matchTickets({ contentDir: CONTENT, root: ROOT, files: [file], map });
  const report = gapsReport(matched);
  return { report, quality: topicQuality(report, matched.features) };
}

function show(name: string, { report, quality }: { report: GapsReport; quality: TopicQuality }): void {
  const { top, ...numbers } = quality;
  console.log(`${name}: ${JSON.stringify({ ...numbers, gaps: report.gaps.length, other: report.other })}`);
  for (const [i, t] of top.entries()) console.log(`  ${i + 1}. ${t.label} (${t.tickets} tickets): ${Math.round(t.share * 100)}% ${t.majority}`);
}

/** Every word the tickets hold, as written: whole tokens and the parts of hyphenated ones. */
async function wordsOf(file: string): Promise<Set<string>> {
  const words = new Set<string>();
  for (const match of (await readFile(file, 'utf8')).matchAll(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)) {
    words.add(match[0]);
    for (const part of match[0].split(/[-'’]/)) words.add(part);
  }
  return words;
}

/** Label and keyword words that are not written so in the tickets, or are stop words. */
function unreadable(report: GapsReport, words: Set<string>): string[] {
  const bad: string[] = [];
  for (const gap of report.gaps) {
    for (const word of [...gap.label.split(/ \/ | /), ...gap.keywords]) {
      if (!words.has(word) || isStopWord(word)) bad.push(`${word} (in "${gap.label}")`);
    }
  }
  return bad;
}

describe('gap topics on German tickets (3,166, 50 queues, synthetic)', async () => {
  const german = await run(GERMAN, { topic: 'queue' });
  show('German', german);

  it('leads with gaps whose tickets mostly share one queue', () => {
    expect(german.report.tickets).toMatchObject({ read: 3166, rejected: 0 });
    expect(german.report.gaps.length).toBeLessThanOrEqual(30);
    // the target; measured 0.75 with twenty terms and their counts per ticket (0.73-0.74 over
    // five clustering seeds; twelve terms present or not: 0.72); the seed moves it by about ±0.05
    expect(german.quality.top10Purity).toBeGreaterThanOrEqual(0.7);
    expect(german.quality.top10Labels).toBeGreaterThanOrEqual(8);
    // measured 0.70 (0.68-0.72 over five seeds; 0.735 before the gaps after the tenth were regrouped
    // more broadly, 0.67 with twelve terms present or not)
    expect(german.quality.purity).toBeGreaterThanOrEqual(0.68);
    // measured 0.38 (0.37-0.39 over five seeds; 0.35 before the regrouping, 0.30 before twenty terms):
    // 1,109 of these tickets are still like no topic, see docs/gaps.md
    expect(german.quality.coverage).toBeGreaterThanOrEqual(0.36);
  });

  it('labels every gap with words as the tickets write them, never a stop word or a stem', async () => {
    expect(unreadable(german.report, await wordsOf(GERMAN))).toEqual([]);
    for (const gap of german.report.gaps) expect(gap.label).not.toMatch(/Sehr geehrte|freundlichen|Vielen Dank/);
  });

  it('accounts for every unknown ticket: the gaps plus the other line', () => {
    const held = german.report.gaps.reduce((sum, g) => sum + g.tickets, 0);
    expect(held + german.report.other.tickets).toBe(german.report.classification.unknown);
    // and says why the others are in no gap: in smaller topics, or like no topic
    expect(german.report.other.unlike).toBeGreaterThan(0);
    expect(german.report.other.unlike).toBeLessThanOrEqual(german.report.other.tickets);
  });

  const dir = await mkdtemp(join(tmpdir(), 'kb-gaps-half-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is stable across a random half split (no tuning on one half)', async () => {
    const text = await readFile(GERMAN, 'utf8');
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    // a fixed shuffle: the same halves every run
    let state = 2026;
    const random = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const order = rows.map((row) => ({ row, key: random() }));
    order.sort((a, b) => a.key - b.key);
    const header = Object.keys(rows[0]!);
    const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const halves = [order.slice(0, rows.length / 2), order.slice(rows.length / 2)];
    for (const [i, half] of halves.entries()) {
      const file = join(dir, `half-${i}.csv`);
      await writeFile(file, [header.join(','), ...half.map(({ row }) => header.map((h) => quote(row[h] ?? '')).join(','))].join('\n'));
      const result = await run(file, { topic: 'queue' });
      show(`German half ${i + 1}`, result);
      // measured 0.67 / 0.76 (0.67-0.84 over five seeds; 0.57-0.76 with twelve terms present or not)
      expect(result.quality.top10Purity).toBeGreaterThanOrEqual(0.6);
      // measured 0.40 / 0.44 (0.40-0.44 over five seeds; 0.38 / 0.36 before the gaps after the tenth were regrouped)
      expect(result.quality.coverage).toBeGreaterThanOrEqual(0.38);
      expect(unreadable(result.report, await wordsOf(file))).toEqual([]);
    }
  });
});

describe('gap topics on English IT tickets (3,805, 8 topic groups)', async () => {
  const english = await run(ENGLISH, { id: '@line' });
  show('English', english);

  it('leads with pure gaps', () => {
    // measured 0.86 and 0.71 (0.70-0.75 over five seeds; 0.74 before the gaps after the tenth were
    // regrouped more broadly; 0.82 and 0.71 with twelve terms present or not)
    expect(english.quality.top10Purity).toBeGreaterThanOrEqual(0.8);
    expect(english.quality.purity).toBeGreaterThanOrEqual(0.7);
  });

  it('holds most unknown tickets in the 30 leading gaps', () => {
    // measured 0.60 (0.59-0.61 over five seeds; 0.53 before the gaps after the tenth were regrouped,
    // 0.44 with topics merged only from a cosine of 0.25)
    expect(english.quality.coverage).toBeGreaterThanOrEqual(0.56);
  });

  it('labels every gap with words as the tickets write them, never a stop word', async () => {
    expect(unreadable(english.report, await wordsOf(ENGLISH))).toEqual([]);
  });
});
