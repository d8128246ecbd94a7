import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGapsContract } from '../helpers/gaps-contract.ts';
import { ROOT, SHARED } from '../helpers/paths.ts';

describe('kb gaps on the command line, over real labelled tickets', () => {
  it('prints the JSON contract: accounting and ranked gaps with ticket ids and levels', () => {
    const file = join(SHARED, 'tickets/it-service-ticket-classification/all_tickets_processed_improved_v3.partial.csv');
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/kb.ts'), 'gaps', '--tickets', file, '--map', 'id=@line', '--format', 'json'], {
      cwd: ROOT,
      env: { ...process.env, KB_CONTENT_DIR: join(ROOT, 'test/fixtures/gaps/content') },
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
    expect(run.status).toBe(0);
    expectGapsContract(run.stdout, 3805, 10);
  });
});
