import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeExport } from '../../scripts/bench/gaps.ts';
import { expectGapsContract } from '../helpers/gaps-contract.ts';
import { ROOT } from '../helpers/paths.ts';

function kb(args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts/kb.ts'), 'gaps', ...args], {
    cwd: ROOT,
    env: { ...process.env, KB_CONTENT_DIR: join(ROOT, 'test/fixtures/gaps/content') },
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
}

// a generated export (the bench's generator); test/data/gaps-cli.test.ts runs the same contract on real tickets
let dir: string;
beforeAll(() => writeExport(join((dir = mkdtempSync(join(tmpdir(), 'kb-gaps-cli-'))), 'generated.csv'), 3000));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kb gaps on the command line', () => {
  it('prints the JSON contract: accounting and ranked gaps with ticket ids and levels', () => {
    const run = kb(['--tickets', join(dir, 'generated.csv'), '--format', 'json']);
    expect(run.status).toBe(0);
    expectGapsContract(run.stdout, 3000, 3);
  });

  it('accounts for every row in text and fails with --strict on rejections', () => {
    const file = join(ROOT, 'test/fixtures/tickets/malformed/06-duplicate-ids.csv');
    const run = kb(['--tickets', file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Tickets: read 3 = accepted 2 + rejected 1');
    expect(run.stdout).toMatch(/06-duplicate-ids\.csv:3: Unexpected duplicate id 1, expected each ticket once \[duplicate-id\]/);
    expect(kb(['--tickets', file, '--strict']).status).toBe(1);
  });

  it('redacts personal data in the examples it prints', () => {
    const run = kb(['--tickets', join(ROOT, 'test/fixtures/gaps/pii-tickets.csv'), '--format', 'json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as { gaps: { examples: string[]; levels: Record<string, number> }[] };
    expect(report.gaps).toHaveLength(1);
    expect(report.gaps[0]?.levels).toEqual({ '2': 3 });
    expect(report.gaps[0]?.examples).toEqual([
      'Kassensoftware startet nicht - Rückruf an [email]',
      'Kassensoftware startet nicht - Tel. [phone]',
      'Kassensoftware startet nicht auf Kasse [ip]',
    ]);
    expect(run.stdout).not.toMatch(/max\.muster|1234567|10\.1\.2\.3/);
  });

  it('reads a German Excel export with no --map, shows the columns it read and explains every part of a gap', () => {
    const run = kb(['--tickets', join(ROOT, 'test/fixtures/tickets/german-excel/export.csv'), '--min-tickets', '2']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Tickets: read 24 = accepted 24 + rejected 0');
    expect(run.stdout).toContain('columns: id ← Ticket-Nr., title ← Betreff, body ← Beschreibung');
    expect(run.stdout).toContain('priority ← Priorität, hours ← Bearbeitungszeit (h), topic ← Kategorie, people ← Bearbeiter');
    expect(run.stdout).toMatch(
      /^ {2}1\. VPN-Störung(?: \/ [^:]+)?: \d+ tickets; resolved at: L1 \d+, L2 \d+; \d+ escalated; \d+ urgent; median [\d.]+ h to resolve; effort ×[\d.]+; score [\d.]+$/m,
    );
    expect(run.stdout).toMatch(/other: \d+ tickets in no gap above/);
    for (const part of ['topic', 'tickets', 'resolved at', 'escalated', 'reopened', 'urgent', 'effort', 'score', 'other'])
      expect(run.stdout).toMatch(new RegExp(`^  ${part} +\\S`, 'm'));
    expect(run.stdout).not.toMatch(/\(\? \d+/);
  });

  it('stops on a preset name it does not know', () => {
    const run = kb(['--tickets', join(ROOT, 'test/fixtures/gaps/pii-tickets.csv'), '--preset', 'remedy']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Unknown preset "remedy"');
  });

  it('explains an unreadable export', () => {
    const run = kb(['--tickets', join(ROOT, 'test/fixtures/tickets/malformed/09-binary-junk.csv')]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('Unexpected binary content, expected a CSV, JSON or NDJSON text export [binary-file]');
  });
});
