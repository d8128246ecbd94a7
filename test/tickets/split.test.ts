import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sniff } from '../../src/lib/tickets/decode.ts';
import { readTicketPart, readTickets } from '../../src/lib/tickets/read.ts';
import { splitCsv, type CsvSplit } from '../../src/lib/tickets/split.ts';
import type { Ticket } from '../../src/lib/tickets/types.ts';

const HEADER = 'id,subject,description,group,created\n';

/** Rows with everything that makes record boundaries hard: quoted newlines, "" escapes, CRLF, umlauts. */
function rows(count: number, from = 0): string {
  let out = '';
  for (let i = from; i < from + count; i++) {
    const description =
      i % 3 === 0
        ? `"Drucker ""HP-${i}"" druckt nicht,\nseit dem Update;\r\nbitte prüfen"`
        : i % 3 === 1
          ? `"""Quoted"" start, ok"`
          : `plain text ${i} with äöü`;
    out += `T-${i},"Subject ${i}",${description},2nd-Level::Netzwerk,2026-10-0${1 + (i % 9)} 08:00${i % 4 === 0 ? '\r\n' : '\n'}`;
  }
  return out;
}

const sequential = async (file: string) => {
  const tickets: Ticket[] = [];
  const stats = await readTickets([file], (t) => tickets.push(t));
  return { tickets, stats };
};

const byParts = async (file: string, split: CsvSplit) => {
  const found = await sniff(file);
  const tickets: Ticket[] = [];
  const rejections = [];
  for (const part of split.parts) {
    const stats = await readTicketPart(file, found, part, (t) => tickets.push(t));
    rejections.push(...stats.rejections.map((r) => `${r.line}:${r.rule}`));
  }
  return { tickets, rejections };
};

const pick = (t: Ticket) => ({ id: t.id, line: t.line, title: t.title, body: t.body, opened: t.opened?.toISOString() });

describe('splitting a CSV export at record boundaries', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kb-split-'));
    file = join(dir, 'export.csv');
    await writeFile(file, `\uFEFF${HEADER}${rows(300)}`);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('cuts into contiguous parts that start after a complete record', async () => {
    const split = (await splitCsv(file, await sniff(file), 3, 0))!;
    expect(split.header).toEqual(['id', 'subject', 'description', 'group', 'created']);
    expect(split.delimiter).toBe(',');
    expect(split.parts).toHaveLength(3);
    const bytes = await readFile(file);
    expect(split.parts[0]!.header).toEqual([3, 3 + Buffer.byteLength(HEADER)]);
    expect(split.parts[0]!.rows[0]).toBe(split.parts[0]!.header[1]);
    expect(split.parts.at(-1)!.rows[1]).toBe((await stat(file)).size);
    for (let i = 1; i < split.parts.length; i++) expect(split.parts[i]!.rows[0]).toBe(split.parts[i - 1]!.rows[1]);
    // each part parses on its own into exactly its share of the whole file's records
    const whole = parse(bytes.subarray(3), { relax_column_count: true }) as string[][];
    const pieces = split.parts.flatMap((part, i) => {
      const text = Buffer.concat([bytes.subarray(...part.header), bytes.subarray(...part.rows)]);
      const records = parse(text, { relax_column_count: true }) as string[][];
      expect(records.length, `part ${i}`).toBeGreaterThan(50);
      return records.slice(1);
    });
    expect(pieces).toEqual(whole.slice(1));
  });

  it('finds the same boundaries however the file is read in chunks', async () => {
    const found = await sniff(file);
    const expected = await splitCsv(file, found, 3, 0);
    for (const chunk of [1, 2, 3, 7, 64]) expect(await splitCsv(file, found, 3, 0, chunk), `chunk ${chunk}`).toEqual(expected);
  });

  it("reads the parts into the same tickets, with the whole file's line numbers", async () => {
    const split = (await splitCsv(file, await sniff(file), 3, 0))!;
    const whole = await sequential(file);
    const parts = await byParts(file, split);
    expect(whole.tickets).toHaveLength(300);
    expect(parts.tickets.map(pick)).toEqual(whole.tickets.map(pick));
    expect(parts.tickets.at(-1)!.line).toBe(whole.tickets.at(-1)!.line);
  });

  it('splits CRLF exports only at CRLF: a bare LF there is text inside a field', async () => {
    const crlf = join(dir, 'crlf.csv');
    const body = rows(300).replace(/\r?\n/g, '\r\n');
    const at = body.indexOf('\r\nT-100,') + 2;
    await writeFile(crlf, `${HEADER.replace('\n', '\r\n')}${body.slice(0, at)}T-lf,plain\nfield,x,L1,2026-10-01 08:00\r\n${body.slice(at)}`);
    const found = await sniff(crlf);
    for (const chunk of [1, 5, 4096]) {
      const split = (await splitCsv(crlf, found, 4, 0, chunk))!;
      expect(split.parts).toHaveLength(4);
      const whole = await sequential(crlf);
      const parts = await byParts(crlf, split);
      expect(whole.tickets.find((t) => t.id === 'T-lf')?.title).toBe('plain\nfield');
      expect(parts.tickets.map(pick)).toEqual(whole.tickets.map(pick));
    }
    // whatever the share size, every cut follows a CRLF
    const bytes = await readFile(crlf);
    for (let parts = 2; parts <= 80; parts++) {
      const split = (await splitCsv(crlf, found, parts, 0))!;
      for (const part of split.parts.slice(1)) expect(bytes.subarray(part.rows[0] - 2, part.rows[0]).toString()).toBe('\r\n');
    }
  });

  it('splits Windows-1252 exports, and reports rejections at the same lines', async () => {
    const ansi = join(dir, 'ansi.csv');
    // a ragged row and a bad date in the last third
    await writeFile(ansi, iconv.encode(`${HEADER}${rows(200)}T-x,"only two"\nT-y,a,b,c,someday\n${rows(50, 200)}`, 'windows-1252'));
    const found = await sniff(ansi);
    expect(found.encoding).toBe('windows-1252');
    const split = (await splitCsv(ansi, found, 3, 0))!;
    expect(split.parts).toHaveLength(3);
    const whole = await sequential(ansi);
    const parts = await byParts(ansi, split);
    expect(parts.tickets.map(pick)).toEqual(whole.tickets.map(pick));
    expect(parts.tickets.some((t) => t.body.includes('prüfen'))).toBe(true);
    expect(parts.rejections).toEqual(whole.stats.rejections.map((r) => `${r.line}:${r.rule}`));
    expect(parts.rejections).toHaveLength(2);
  });

  it('does not split where quote parity says nothing: a stray quote before the split point', async () => {
    const stray = join(dir, 'stray.csv');
    await writeFile(stray, `${HEADER}T-0,5" monitor,flickers,L1,2026-10-01 08:00\n${rows(300, 1)}`);
    expect(await splitCsv(stray, await sniff(stray), 2, 0)).toBeUndefined();
  });

  it('still splits when a stray quote comes after the last split point, and rejects it the same way', async () => {
    const late = join(dir, 'late.csv');
    await writeFile(late, `${HEADER}${rows(300)}T-bad,"unclosed,x,L1,2026-10-01 08:00\n`);
    const split = (await splitCsv(late, await sniff(late), 2, 0))!;
    expect(split.parts).toHaveLength(2);
    const whole = await sequential(late);
    const parts = await byParts(late, split);
    expect(parts.tickets.map(pick)).toEqual(whole.tickets.map(pick));
    expect(parts.rejections).toEqual(whole.stats.rejections.map((r) => `${r.line}:${r.rule}`));
    expect(parts.rejections).toEqual([expect.stringMatching(/:stray-quote$/)]);
  });

  it('leaves UTF-16, JSON and small files whole', async () => {
    const utf16 = join(dir, 'utf16.csv');
    await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(`${HEADER}${rows(50)}`, 'utf-16le')]));
    expect(await splitCsv(utf16, await sniff(utf16), 2, 0)).toBeUndefined();
    const json = join(dir, 'tickets.json');
    await writeFile(json, JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ id: i, subject: 'x\ny' }))).replaceAll('},', '},\n'));
    expect(await splitCsv(json, await sniff(json), 2, 0)).toBeUndefined();
    expect(await splitCsv(file, await sniff(file), 2, 10 * 2 ** 20)).toBeUndefined();
    expect(await splitCsv(file, await sniff(file), 1, 0)).toBeUndefined();
  });
});
