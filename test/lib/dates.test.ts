import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, dayOfRun, daysBetween, isoDay, parseDay, unexpectedDay, utcDay } from '../../src/lib/dates.ts';
import { ROOT } from '../helpers/paths.ts';

describe('parseDay', () => {
  it('reads YYYY-MM-DD as a UTC day', () => {
    expect(parseDay('2026-12-01')?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });
  it('refuses days that do not exist and other shapes', () => {
    for (const text of ['2026-02-31', '2026-13-01', '2026-1-5', '01.12.2026', '2026-12-01T10:00', '']) expect(parseDay(text)).toBeUndefined();
  });
});

describe('dayOfRun', () => {
  it('is the given day, or today in UTC without one', () => {
    expect(isoDay(dayOfRun('2026-11-24'))).toBe('2026-11-24');
    expect(dayOfRun(undefined, '--today', new Date('2026-12-01T23:30:00+02:00')).toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });
  it('throws the one message for a bad day, naming the option or variable', () => {
    expect(() => dayOfRun('2026-02-31')).toThrow('Unexpected --today "2026-02-31", expected a day as YYYY-MM-DD');
    expect(() => dayOfRun('tomorrow', 'KB_TODAY')).toThrow(unexpectedDay('KB_TODAY', 'tomorrow'));
  });
});

describe('day arithmetic', () => {
  it('counts whole UTC days', () => {
    expect(daysBetween(new Date('2026-01-01'), new Date('2026-03-01'))).toBe(59);
    expect(isoDay(addDays(new Date('2026-02-27T15:00:00Z'), 2))).toBe('2026-03-01');
    expect(utcDay(new Date('2026-02-27T15:00:00Z'))).toBe(Date.UTC(2026, 1, 27));
  });
});

describe('--today on every command', () => {
  const work = mkdtempSync(join(tmpdir(), 'kb-today-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const kb = (args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'scripts/kb.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, KB_CONTENT_DIR: join(ROOT, 'test/fixtures/gaps/content') },
    });
  const commands: Record<string, string[]> = {
    stale: ['stale'],
    gaps: ['gaps', '--tickets', join(ROOT, 'test/fixtures/gaps/stale-tickets.csv')],
    new: ['new', '--title', 'T', '--level', '1', '--audience', 'public', '--product', 'x', '--lang', 'en', '--dry-run'],
    import: ['import', 'test/fixtures/import/docfx', '--dry-run', '--out', work],
    feedback: ['feedback', '--events', join(work, 'none.ndjson')],
  };
  for (const [name, args] of Object.entries(commands)) {
    it(`kb ${name} refuses a day that does not exist`, () => {
      const run = kb([...args, '--today', '2026-02-31']);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('Unexpected --today "2026-02-31", expected a day as YYYY-MM-DD');
    });
  }
  it('kb gaps writes the day of the report into its JSON', () => {
    const run = kb([...commands['gaps']!, '--format', 'json', '--today', '2026-11-24']);
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { today: string }).today).toBe('2026-11-24');
  });
});
