import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyseGaps } from '../../src/lib/gaps/analyse.ts';
import { writeExport } from '../../scripts/bench/gaps.ts';
import { ROOT } from '../helpers/paths.ts';

// a worker that cannot load its module, as in a bundled site build where the worker file is absent
vi.mock('node:worker_threads', async (original) => ({
  ...(await original<typeof import('node:worker_threads')>()),
  Worker: class extends EventEmitter {
    constructor() {
      super();
      setTimeout(() => this.emit('error', new Error('Cannot find module match-worker.ts')), 5);
    }
  },
}));

const CONTENT = join(ROOT, 'test/fixtures/gaps/content');
let dir: string;
let generated: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kb-fallback-'));
  generated = join(dir, 'generated.csv');
  await writeExport(generated, 2000);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('kb gaps when no thread can start', () => {
  it('reads every part on this thread and loses nothing', async () => {
    const options = { contentDir: CONTENT, root: ROOT, files: [generated], splitBytes: 0 };
    const fallback = await analyseGaps({ ...options, threads: 3 });
    const one = await analyseGaps({ ...options, threads: 1 });
    expect(one.tickets.read).toBe(2000);
    expect(fallback.tickets.files[0]?.threads).toBeUndefined();
    expect(fallback.tickets).toEqual(one.tickets);
    expect(fallback.gaps).toEqual(one.gaps);
  });
});
