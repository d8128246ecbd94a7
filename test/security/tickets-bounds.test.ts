import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseGaps } from '../../src/lib/gaps/analyse.ts';
import { parseSize } from '../../src/lib/tickets/bounds.ts';
import { readTickets } from '../../src/lib/tickets/read.ts';
import { ROOT } from '../helpers/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'kb-sec-bounds-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function read(file: string, maxCell?: number) {
  const ids: string[] = [];
  const stats = await readTickets([file], (t) => ids.push(t.id), { maxCell });
  return { ids, stats };
}

describe('ticket files that are not regular files', () => {
  it('names a named pipe (FIFO) and never opens it: reading it would block', async () => {
    const fifo = join(work, 'tickets.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const { stats } = await read(fifo);
    expect(stats.problems).toEqual([
      { file: fifo, line: 1, rule: 'not-a-file', reason: 'Unexpected named pipe (FIFO), expected a regular file (a CSV, JSON or NDJSON export)' },
    ]);
  });

  it.each([
    ['a directory', () => (mkdirSync(join(work, 'folder.csv'), { recursive: true }), join(work, 'folder.csv')), 'directory'],
    ['a device', () => '/dev/null', 'device'],
  ])('names %s', async (_, make, kind) => {
    const file = make();
    const { stats } = await read(file);
    expect(stats.problems[0]).toMatchObject({ file, rule: 'not-a-file', reason: expect.stringContaining(`Unexpected ${kind}`) });
  });

  it('names a missing file instead of a bare ENOENT', async () => {
    const { stats } = await read(join(work, 'missing.csv'));
    expect(stats.problems[0]).toMatchObject({ rule: 'missing-file', reason: 'Unexpected missing file, expected a ticket export' });
  });

  it('kb gaps reads the other exports and reports the directory (several threads too)', async () => {
    const good = join(work, 'good.csv');
    writeFileSync(good, 'id,subject\n1,Drucker offline\n');
    const dir = join(work, 'exports');
    mkdirSync(dir, { recursive: true });
    const report = await analyseGaps({ contentDir: join(ROOT, 'test/fixtures/gaps/content'), root: ROOT, files: [dir, good], threads: 2 });
    expect(report.tickets.accepted).toBe(1);
    expect(report.tickets.problems.map((p) => `${p.file} ${p.rule}`)).toEqual([`${dir} not-a-file`]);
  });
});

function deep(levels: number): string {
  return `${'['.repeat(levels)}"x"${']'.repeat(levels)}`;
}

describe('deeply nested JSON records', () => {
  it.each([
    ['NDJSON', 'deep.ndjson', (inner: string) => `{"id":"1","subject":"ok"}\n{"id":"2","subject":${inner}}\n{"id":"3","subject":"next"}\n`, 2],
    ['a JSON array', 'deep.json', (inner: string) => `[{"id":"1","subject":"ok"},\n{"id":"2","subject":${inner}},\n{"id":"3","subject":"next"}]`, 2],
    [
      'NDJSON, objects in objects',
      'deep-objects.ndjson',
      () => `{"id":"1","subject":"ok"}\n{"id":"2","subject":${'{"a":'.repeat(20000)}1${'}'.repeat(20000)}}\n{"id":"3","subject":"next"}\n`,
      2,
    ],
  ])('%s: reported on its own line, the next record kept', async (_, name, content, line) => {
    const file = join(work, name);
    writeFileSync(file, content(deep(20000)));
    const { ids, stats } = await read(file);
    expect(ids).toEqual(['1', '3']);
    expect(stats.rejections).toEqual([expect.objectContaining({ line, rule: 'too-deep' })]);
    expect(stats.problems).toEqual([]);
    expect(stats.read).toBe(stats.accepted + stats.rejected);
  });

  it('keeps a record nested within the limit', async () => {
    const file = join(work, 'shallow.ndjson');
    writeFileSync(file, `{"id":"1","subject":${deep(10)}}\n`);
    expect((await read(file)).ids).toEqual(['1']);
  });
});

describe('the cell-size limit', () => {
  it.each([
    ['a CSV cell, quoted', 'big.csv', (big: string) => `id,subject\n1,ok\n2,"${big}"\n3,next\n`],
    ['a CSV cell, unquoted', 'big-plain.csv', (big: string) => `id,subject\n1,ok\n2,${big}\n3,next\n`],
    ['an NDJSON value', 'big.ndjson', (big: string) => `{"id":"1","subject":"ok"}\n{"id":"2","subject":"${big}"}\n{"id":"3","subject":"next"}\n`],
    ['a JSON array value', 'big.json', (big: string) => `[{"id":"1","subject":"ok"},{"id":"2","subject":"${big}"},{"id":"3","subject":"next"}]`],
  ])('%s over the limit is rejected and counted by its rule', async (_, name, content) => {
    const file = join(work, name);
    writeFileSync(file, content('x'.repeat(3000)));
    const { ids, stats } = await read(file, 1000);
    expect(ids).toEqual(['1', '3']);
    expect(stats.rejectionsByRule).toEqual({ 'cell-too-large': 1 });
    expect(stats.rejections[0]?.reason).toBe('Unexpected cell of 2.9 KiB in column subject, expected at most 1000 characters (--max-cell)');
  });

  it('defaults to 1 MiB and reads sizes as people write them', async () => {
    const file = join(work, 'default.csv');
    writeFileSync(file, `id,subject\n1,${'x'.repeat(2 ** 20 + 1)}\n2,${'x'.repeat(2 ** 20)}\n`);
    const { ids, stats } = await read(file);
    expect(ids).toEqual(['2']);
    expect(stats.rejectionsByRule).toEqual({ 'cell-too-large': 1 });
    expect([parseSize('1MB'), parseSize('512k'), parseSize('1000')]).toEqual([2 ** 20, 512 * 1024, 1000]);
    expect(() => parseSize('lots')).toThrow('Unexpected --max-cell lots, expected a size such as 1MB, 512k or 100000');
  });
});
