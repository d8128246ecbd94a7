import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from '../helpers/paths.ts';

function kb(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [resolve(ROOT, 'scripts/kb.ts'), 'import', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('kb import command', () => {
  it('prints a JSON report on a dry run and exits 0 when nothing was rejected', () => {
    const { status, stdout } = kb('test/fixtures/import/docfx', '--dry-run', '--format', 'json', '--today', '2026-01-02');
    const report = JSON.parse(stdout) as { date: string; summary: { read: number; rejected: number }; files: { status: string }[] };
    expect(status).toBe(0);
    expect(report.date).toBe('2026-01-02');
    expect(report.summary).toMatchObject({ read: 2, rejected: 0 });
    expect(report.files.map((f) => f.status)).toEqual(['checked', 'checked']);
  });

  it('exits 1 with --fail-on warning when a warning was found', () => {
    expect(kb('test/fixtures/import/docfx', '--dry-run', '--fail-on', 'warning').status).toBe(1);
  });

  it('exits 2 with the mapping problems for an invalid mapping file', () => {
    const { status, stderr } = kb('test/fixtures/import/docfx', '--dry-run', '--mapping', 'test/fixtures/import/mapping/bad.yaml');
    expect(status).toBe(2);
    expect(stderr).toContain('kb import: Invalid mapping test/fixtures/import/mapping/bad.yaml:\n  fields.appliesto:');
  });

  it('exits 2 for a source that does not exist', () => {
    const { status, stderr } = kb('no/such/folder', '--dry-run');
    expect(status).toBe(2);
    expect(stderr.trim()).toBe('kb import: Unexpected source "no/such/folder", expected an existing file or folder');
  });
});
