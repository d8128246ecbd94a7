import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseGaps, type GapsReport } from '../../src/lib/gaps/analyse.ts';
import { toJson } from '../../src/lib/gaps/format.ts';
import { writeExport } from '../../scripts/bench/gaps.ts';
import { ROOT } from '../helpers/paths.ts';

const CONTENT = join(ROOT, 'test/fixtures/gaps/content');
const MALFORMED = join(ROOT, 'test/fixtures/tickets/malformed');

/** The report as JSON, without the note of how many threads read a file. */
function comparable(report: GapsReport): unknown {
  const json = JSON.parse(toJson(report)) as { tickets: { files: { threads?: number }[] } };
  for (const file of json.tickets.files) delete file.threads;
  return json;
}

const run = (files: string[], threads: number, extra: Record<string, unknown> = {}) =>
  analyseGaps({ contentDir: CONTENT, root: ROOT, files, threads, splitBytes: 0, ...extra });

// a generated export (the bench's generator) of multi-line quoted rows; the same check over a real
// export runs in test/data/gaps-parallel.test.ts
const ROWS = 3000;
let dir: string;
let GENERATED: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kb-parallel-'));
  GENERATED = join(dir, 'generated.csv');
  await writeExport(GENERATED, ROWS);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('kb gaps on several threads', () => {
  it('gives the same report for an export read in two parts as on one thread', async () => {
    const one = await run([GENERATED], 1);
    const two = await run([GENERATED], 2);
    expect(one.tickets.files[0]?.threads).toBeUndefined();
    expect(two.tickets.files[0]?.threads).toBe(2);
    expect(two.tickets.read).toBe(ROWS);
    expect(comparable(two)).toEqual(comparable(one));
  });

  it('rejects an id repeated in a later part at its line, like one thread does', async () => {
    const file = join(dir, 'duplicates.csv');
    const rows = Array.from(
      { length: 400 },
      (_, i) =>
        `${i === 350 ? 'INC-7' : `INC-${i}`},"VPN tunnel drops ${i}","the vpn client\nloses its tunnel",2nd-Level::Netzwerk,2026-10-01 08:00,${i % 90 === 0 ? 'soon' : '2026-10-02 09:00'}`,
    );
    await writeFile(file, `id,subject,description,group,created,resolved\n${rows.join('\n')}\n`);
    const one = await run([file], 1);
    const three = await run([file], 3);
    expect(three.tickets.files[0]?.threads).toBe(3);
    // a row's line is where it ends: each row spans two lines
    expect(three.tickets.rejections.map((r) => `${r.line}:${r.rule}`)).toEqual([
      '3:bad-date',
      '183:bad-date',
      '363:bad-date',
      '543:bad-date',
      '703:duplicate-id',
      '723:bad-date',
    ]);
    expect(three.tickets).toMatchObject({ read: 400, accepted: 394, rejected: 6, rejectionsTotal: 6, tickets: 394 });
    expect(comparable(three)).toEqual(comparable(one));
  });

  it('accounts for every malformed CSV export the same way on several threads', async () => {
    const files = (await readdir(MALFORMED)).filter((f) => /\.(csv|tsv)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(15);
    let split = 0;
    for (const name of files) {
      const one = await run([join(MALFORMED, name)], 1);
      const three = await run([join(MALFORMED, name)], 3);
      if (three.tickets.files[0]?.threads) split++;
      expect(comparable(three), name).toEqual(comparable(one));
    }
    // most of the catalogue is splittable; the rest (stray quotes, UTF-16, binary) is read whole
    expect(split).toBeGreaterThanOrEqual(8);
  }, 300_000);
});

describe('progress while reading', () => {
  it('counts up to the size of the export, on one thread and on several', async () => {
    const size = (await stat(GENERATED)).size;
    for (const threads of [1, 3]) {
      const seen: [number, number][] = [];
      await run([GENERATED], threads, { onProgress: (done: number, total: number) => seen.push([done, total]) });
      expect(seen.length, `${threads} threads`).toBeGreaterThan(0);
      expect(seen.every(([, total]) => total === size)).toBe(true);
      expect(seen.every(([done]) => done >= 0 && done <= size)).toBe(true);
      expect(seen.at(-1)?.[0]).toBe(size);
    }
  });
});
