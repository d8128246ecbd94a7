import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'kb-check-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function contentOf(name: string): string {
  const dir = join(work, name);
  cpSync(join(ROOT, 'test/fixtures/check/cases', name), dir, { recursive: true });
  cpSync(join(ROOT, 'test/fixtures/check/taxonomy.yaml'), join(dir, 'taxonomy.yaml'));
  return dir;
}

function kb(args: string[], env: Record<string, string>) {
  const { CI: _ci, GITHUB_ACTIONS: _gh, ...base } = process.env;
  return spawnSync(process.execPath, [join(ROOT, 'scripts/kb.ts'), ...args], { cwd: ROOT, env: { ...base, ...env }, encoding: 'utf8' });
}

describe('kb check on the command line', () => {
  it('exits 1 with located findings and a summary when an article has errors', () => {
    const run = kb(['check'], { KB_CONTENT_DIR: contentOf('schema--level-4') });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('/articles/en/a.mdx:4:8: error Unexpected `level` value `4`, expected 1, 2 or 3 [schema]');
    expect(run.stdout.trim().split('\n').at(-1)).toBe('1 error, 0 warnings, 0 info in 1 file');
  });

  it('exits 0 for valid articles, and for warnings unless --strict', () => {
    expect(kb(['check'], { KB_CONTENT_DIR: contentOf('valid--umlaut-anchor') }).status).toBe(0);
    const warnings = contentOf('translation-missing');
    expect(kb(['check'], { KB_CONTENT_DIR: warnings }).status).toBe(0);
    expect(kb(['check', '--strict'], { KB_CONTENT_DIR: warnings }).status).toBe(1);
  });

  it('prints JSON with a summary and every finding', () => {
    const run = kb(['check', '--format', 'json'], { KB_CONTENT_DIR: contentOf('unknown-product') });
    const output = JSON.parse(run.stdout) as { summary: Record<string, number>; findings: Record<string, unknown>[] };
    expect(output.summary).toEqual({ files: 1, error: 1, warning: 0, info: 0 });
    expect(output.findings[0]).toMatchObject({ line: 6, column: 10, ruleId: 'unknown-product', severity: 'error' });
    expect(output.findings[0]?.['hint']).toContain('taxonomy.yaml');
  });

  it('adds GitHub annotations when CI is set', () => {
    const run = kb(['check'], { KB_CONTENT_DIR: contentOf('missing-image'), CI: 'true' });
    expect(run.stdout).toMatch(/^::error file=.*articles\/en\/a\.mdx,line=23,col=1,title=kb check%3A missing-image::Unexpected image/m);
  });

  it('lists its rules', () => {
    const run = kb(['check', '--rules'], {});
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n').length).toBeGreaterThanOrEqual(20);
    expect(run.stdout).toContain('escalation-required');
  });

  it('stops npm run build before anything is written', () => {
    const out = join(work, 'out');
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], {
      cwd: ROOT,
      env: { ...process.env, KB_CONTENT_DIR: contentOf('broken-anchor'), KB_OUT_DIR: out },
      encoding: 'utf8',
    });
    expect(build.status).toBe(1);
    expect(build.stdout).toContain('[broken-anchor]');
    expect(build.stderr).toContain('Build failed');
    expect(existsSync(out)).toBe(false);
  });

  it('passes on the project content', () => {
    const run = kb(['check'], {});
    expect(run.stdout).toMatch(/^0 errors/m);
    expect(run.status).toBe(0);
  });
});
