import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flaggedOn, importDocfx } from '../../scripts/bench/retirement.ts';
import { ROOT } from './helpers.ts';

// Real articles that their publisher retired (test/fixtures/NOTICE.md), imported with the
// project's DocFX mapping and judged on the day they were retired.
const SAMPLE = join(ROOT, 'test/fixtures/corpus/officedocs-retired');
const retired = JSON.parse(readFileSync(join(SAMPLE, 'RETIRED.json'), 'utf8')) as { path: string; retired: string }[];
let work: string;
let ids: Map<string, string>;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kb-retired-'));
  ids = await importDocfx([SAMPLE], join(work, 'content'), { history: false });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('retired articles on their retirement day', () => {
  it.each(retired)('flags $path ($retired) by its lifecycle, with the mention located', async ({ path, retired: day }) => {
    const id = [...ids].find(([source]) => source.endsWith(path))?.[1];
    expect(id).toBeDefined();
    const { flagged } = await flaggedOn(join(work, 'content'), day);
    const reasons = flagged.get(id!);
    expect(reasons?.length).toBeGreaterThan(0);
    expect(reasons![0]!.message).toMatch(/reached end of support on \d{4}-\d{2}-\d{2}.*\.mdx:\d+:\d+\)\.$/);
  });

  it('flags none of them a year before their products ended', async () => {
    const { flagged } = await flaggedOn(join(work, 'content'), '2019-01-01');
    expect([...flagged.keys()]).toEqual([]);
  });
});
