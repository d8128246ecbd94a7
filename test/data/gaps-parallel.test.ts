import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseGaps, type GapsReport } from '../../src/lib/gaps/analyse.ts';
import { toJson } from '../../src/lib/gaps/format.ts';
import { ROOT, SHARED } from '../helpers/paths.ts';

const CONTENT = join(ROOT, 'test/fixtures/gaps/content');
const LABELLED = join(SHARED, 'tickets/it-service-ticket-classification/all_tickets_processed_improved_v3.partial.csv');

/** The report as JSON, without the note of how many threads read a file. */
function comparable(report: GapsReport): unknown {
  const json = JSON.parse(toJson(report)) as { tickets: { files: { threads?: number }[] } };
  for (const file of json.tickets.files) delete file.threads;
  return json;
}

describe('kb gaps on several threads, over a real export', () => {
  it('gives the same report for the export read in two parts as on one thread', async () => {
    const options = { contentDir: CONTENT, root: ROOT, files: [LABELLED], map: { id: '@line' }, splitBytes: 0 };
    const one = await analyseGaps({ ...options, threads: 1 });
    const two = await analyseGaps({ ...options, threads: 2 });
    expect(one.tickets.files[0]?.threads).toBeUndefined();
    expect(two.tickets.files[0]?.threads).toBe(2);
    expect(two.tickets.read).toBe(3805);
    expect(comparable(two)).toEqual(comparable(one));
  });
});
