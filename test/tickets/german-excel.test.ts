import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNumber, parsePriority } from '../../src/lib/tickets/numbers.ts';
import { readTickets } from '../../src/lib/tickets/read.ts';
import { parseDate } from '../../src/lib/tickets/dates.ts';
import type { Ticket } from '../../src/lib/tickets/types.ts';
import { ROOT } from '../helpers/paths.ts';

// An invented German Excel export: Windows-1252, `sep=;` first line, `;`, CRLF, German headers,
// dd.mm.yyyy dates and decimal commas (see test/fixtures/tickets/german-excel/make.py).
const EXPORT = join(ROOT, 'test/fixtures/tickets/german-excel/export.csv');

describe('a German Excel export', async () => {
  const tickets: Ticket[] = [];
  const stats = await readTickets([EXPORT], (t) => tickets.push(t));

  it('is read with no rejection and no --map', () => {
    expect(stats).toMatchObject({ read: 24, accepted: 24, rejected: 0, problems: [] });
    expect(stats.files[0]).toMatchObject({ encoding: 'windows-1252', format: 'csv', preset: 'generic' });
  });

  it('says which column each field came from, and which columns it did not use', () => {
    expect(stats.files[0]?.columns).toEqual({
      id: 'Ticket-Nr.',
      title: 'Betreff',
      body: 'Beschreibung',
      resolution: 'Lösung',
      opened: 'Erstellt am',
      resolved: 'Gelöst am',
      status: 'Status',
      group: 'Warteschlange',
      priority: 'Priorität',
      hours: 'Bearbeitungszeit (h)',
      topic: 'Kategorie',
      // a person column: read only to redact its names from the text
      people: 'Bearbeiter',
    });
    expect(stats.files[0]?.unused).toEqual([]);
  });

  it('keeps the file’s line numbers after the sep= line, and reads dates, priorities and decimal commas', () => {
    const first = tickets[0]!;
    expect(first).toMatchObject({
      id: 'T-2026-1001',
      title: 'VPN-Störung im Homeoffice',
      priority: 4,
      hours: 3.5,
      group: '2nd-Level::Netzwerk',
      level: 2,
      topic: 'Netzwerk',
    });
    expect(first.opened?.toISOString()).toBe('2026-11-03T08:12:00.000Z');
    expect(first.body).toContain('Mit freundlichen Grüßen');
    // line 1 is sep=, line 2 the header, lines 3–4 the first ticket (a quoted line break)
    expect(tickets[1]?.line).toBe(5);
    expect(tickets.find((t) => t.id === 'T-2026-1004')?.priority).toBe(5);
    expect(tickets.find((t) => t.id === 'T-2026-1011')?.priority).toBe(1);
    expect(tickets.find((t) => t.id === 'T-2026-1023')).toMatchObject({ resolved: undefined, hours: undefined });
  });

  it('reports a bad row with the file’s line after a sep= line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-sep-'));
    try {
      const file = join(dir, 'bad.csv');
      await writeFile(file, 'sep=;\nVorgangsnummer;Betreff;Erstellt am\n1;a;01.02.2026\n2;b;31.02.2026\n');
      const rejections: string[] = [];
      const own = await readTickets([file], () => {});
      for (const r of own.rejections) rejections.push(`${r.line}:${r.rule}`);
      expect(own).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
      expect(rejections).toEqual(['4:bad-date']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('numbers and priorities as exports write them', () => {
  it('reads decimal commas and thousands separators both ways', () => {
    expect(parseNumber('3,5')).toBe(3.5);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('2 h')).toBe(2);
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber('zwei')).toBeUndefined();
  });

  it('reads priority words in German and English, and bare numbers in the export’s order', () => {
    expect(parsePriority('5 sehr hoch', true)).toBe(5);
    expect(parsePriority('3 normal', true)).toBe(3);
    expect(parsePriority('very_low')).toBe(1);
    expect(parsePriority('1 - Critical')).toBe(5);
    expect(parsePriority('Hoch')).toBe(4);
    expect(parsePriority('P1')).toBe(5);
    expect(parsePriority('2', true)).toBe(2);
    expect(parsePriority('egal')).toBeUndefined();
  });

  it('reads German dates with time and "Uhr"', () => {
    expect(parseDate('03.11.2026 08:12')?.toISOString()).toBe('2026-11-03T08:12:00.000Z');
    expect(parseDate('3.11.26 8:12 Uhr')?.toISOString()).toBe('2026-11-03T08:12:00.000Z');
  });
});
