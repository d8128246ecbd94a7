import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTickets } from '../../src/lib/tickets/read.ts';
import type { Ticket } from '../../src/lib/tickets/types.ts';
import { ROOT } from '../helpers/paths.ts';

const DIR = join(ROOT, 'test/fixtures/tickets/malformed');

interface Expected {
  accepted: number;
  rejected: number;
  /** `line:rule` of each rejection, in order. */
  rejections?: string[];
  /** File-level problems by rule. */
  problems?: string[];
  encoding?: string;
  ids?: string[];
}

// One row per malformed export: what must be accepted, and where and why the rest is rejected.
const CASES: Record<string, Expected> = {
  '01-stray-quote.csv': { accepted: 0, rejected: 1, rejections: ['3:stray-quote'] },
  '02-wrong-delimiter.csv': { accepted: 2, rejected: 0, ids: ['1', '2'] },
  '03-windows-1252.csv': { accepted: 2, rejected: 0, encoding: 'windows-1252', ids: ['1001', '1002'] },
  '04-truncated.csv': { accepted: 1, rejected: 1, rejections: ['3:stray-quote'] },
  '05-missing-id-column.csv': { accepted: 0, rejected: 2, rejections: ['2:missing-id-column', '3:missing-id-column'], problems: ['missing-id-column'] },
  '06-duplicate-ids.csv': { accepted: 2, rejected: 1, rejections: ['3:duplicate-id'] },
  '07-bad-dates.csv': { accepted: 1, rejected: 2, rejections: ['2:bad-date', '4:bad-date'] },
  '08-empty.csv': { accepted: 0, rejected: 0, problems: ['empty-file'] },
  '09-binary-junk.csv': { accepted: 0, rejected: 0, problems: ['binary-file'] },
  '10-utf16le-bom.csv': { accepted: 2, rejected: 0, encoding: 'utf-16le' },
  '11-utf8-bom-crlf.csv': { accepted: 2, rejected: 0, ids: ['1', '2'] },
  '12-ragged-rows.csv': { accepted: 1, rejected: 2, rejections: ['3:ragged-row', '4:ragged-row'] },
  '13-multiline-cells.csv': { accepted: 2, rejected: 0 },
  '14-tab-separated.tsv': { accepted: 2, rejected: 0 },
  '15-empty-id-cell.csv': { accepted: 1, rejected: 1, rejections: ['2:missing-id'] },
  '16-header-only.csv': { accepted: 0, rejected: 0 },
  '17-json-array.json': { accepted: 2, rejected: 0, ids: ['A-1', 'A-2'] },
  '18-json-not-objects.json': { accepted: 2, rejected: 2, rejections: ['2:bad-json', '3:bad-json'] },
  '19-ndjson-bad-line.ndjson': { accepted: 2, rejected: 1, rejections: ['2:bad-json'] },
  '20-truncated-json.json': { accepted: 1, rejected: 1, rejections: ['2:bad-json'] },
  '21-jira-repeated-headers.csv': { accepted: 2, rejected: 0, ids: ['SUP-1', 'SUP-2'] },
  '22-blank-lines.csv': { accepted: 2, rejected: 0 },
  // read in full, and the header is reported: nothing to cluster or match by words
  '23-no-text-column.csv': { accepted: 2, rejected: 0, ids: ['INC1', 'INC2'], problems: ['no-text-column'] },
};

describe('malformed ticket exports', () => {
  it.each(Object.entries(CASES))('%s', async (file, expected) => {
    const tickets: Ticket[] = [];
    const stats = await readTickets([join(DIR, file)], (t) => tickets.push(t));
    expect(stats.read).toBe(stats.accepted + stats.rejected);
    expect({ accepted: stats.accepted, rejected: stats.rejected }).toEqual({ accepted: expected.accepted, rejected: expected.rejected });
    expect(stats.rejections.map((r) => `${r.line}:${r.rule}`)).toEqual(expected.rejections ?? []);
    expect(stats.problems.map((p) => p.rule)).toEqual(expected.problems ?? []);
    for (const r of stats.rejections) expect(r.reason).toMatch(/^Unexpected /);
    if (expected.encoding) expect(stats.files[0]?.encoding).toBe(expected.encoding);
    if (expected.ids) expect(tickets.map((t) => t.id)).toEqual(expected.ids);
  });

  it('decodes German Windows-1252 text and reads OTRS dates and queues', async () => {
    const tickets: Ticket[] = [];
    await readTickets([join(DIR, '03-windows-1252.csv')], (t) => tickets.push(t));
    expect(tickets[0]).toMatchObject({ title: 'Drucker offline', level: 2, group: '2nd-Level::Drucken', lang: 'de' });
    expect(tickets[0]?.body).toContain('Büro reagiert nicht, Größe egal');
    expect(tickets[0]?.opened?.toISOString()).toBe('2026-11-22T14:03:00.000Z');
  });

  it('turns repeated Jira headers into lists and reads Jira dates', async () => {
    const tickets: Ticket[] = [];
    await readTickets([join(DIR, '21-jira-repeated-headers.csv')], (t) => tickets.push(t));
    expect(tickets[0]?.tags).toEqual(['printer', 'urgent']);
    expect(tickets[1]?.opened?.toISOString()).toBe('2024-03-13T14:05:00.000Z');
  });

  it('keeps quoted multi-line cells whole', async () => {
    const tickets: Ticket[] = [];
    await readTickets([join(DIR, '13-multiline-cells.csv')], (t) => tickets.push(t));
    expect(tickets[0]?.body).toBe('line one\nline two, with comma\nline three');
    expect(tickets[1]?.body).toBe('quoted "inner" text');
  });
});
