import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { analyseGaps } from '../../src/lib/gaps/analyse.ts';
import { ROOT, SHARED } from '../helpers/paths.ts';

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
const LABELLED = join(SHARED, 'tickets/it-service-ticket-classification/all_tickets_processed_improved_v3.partial.csv');

describe('kb gaps when no thread can start', () => {
  it('reads every part on this thread and loses nothing', async () => {
    const options = { contentDir: CONTENT, root: ROOT, files: [LABELLED], map: { id: '@line' }, splitBytes: 0 };
    const fallback = await analyseGaps({ ...options, threads: 3 });
    const one = await analyseGaps({ ...options, threads: 1 });
    expect(fallback.tickets.files[0]?.threads).toBeUndefined();
    expect(fallback.tickets).toEqual(one.tickets);
    expect(fallback.gaps).toEqual(one.gaps);
  });
});
