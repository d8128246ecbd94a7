import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readLifecycle } from '../../src/lib/lifecycle/read.ts';
import { updateLifecycle } from '../../src/lib/lifecycle/update.ts';
import { ROOT } from '../stale/helpers.ts';
import { DATA, SOURCE } from './helpers.ts';

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A lifecycle folder with the fixture local.yaml, and a copy of the fixture source without its broken page. */
function setup(): { dir: string; source: string; work: string } {
  const work = mkdtempSync(join(tmpdir(), 'kb-lifecycle-test-'));
  made.push(work);
  const dir = join(work, 'content', 'lifecycle');
  mkdirSync(dir, { recursive: true });
  cpSync(join(DATA, 'local.yaml'), join(dir, 'local.yaml'));
  const source = join(work, 'endoflife.date-main');
  cpSync(SOURCE, source, { recursive: true });
  rmSync(join(source, 'products', 'broken.md'));
  return { dir, source, work };
}

describe('kb lifecycle update', () => {
  it('writes a dated snapshot of the imported products from a checkout, readable with local.yaml on top', async () => {
    const { dir, source } = setup();
    const result = await updateLifecycle({ source, dir, today: day('2026-12-01') });
    expect(result.products).toEqual(['internet-explorer', 'msexchange', 'mssqlserver', 'office', 'windows']);
    expect(result.missing).toEqual([]);
    const text = readFileSync(result.file, 'utf8');
    expect(text).toContain('MIT licence, (c) endoflife.date contributors');
    expect(text).toContain('updated: 2026-12-01');
    expect(text).toContain('- { cycle: "2010", label: 2010 SP3 UR32, released: 2009-11-09, support: 2015-01-13, eol: 2020-10-13 }');
    const data = readLifecycle(dir);
    expect(data.snapshot?.source).toMatchObject({ name: 'endoflife.date', license: 'MIT' });
    expect(data.products.get('msexchange')?.names).toContainEqual('Exchange Server');
    expect(data.products.get('ticketing')?.cycles.map((c) => c.cycle)).toEqual(['4', '5']);
  });

  it('reports the ends that changed since the last snapshot, and ids the source no longer has', async () => {
    const { dir, source } = setup();
    await updateLifecycle({ source, dir, today: day('2026-12-01') });
    const page = join(source, 'products', 'windows.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('eol: 2025-10-14', 'eol: 2026-10-13'));
    rmSync(join(source, 'products', 'office.md'));
    const result = await updateLifecycle({ source, dir, today: day('2026-12-02') });
    expect(result.changes).toEqual(['windows 10-22h2: 2025-10-14 -> 2026-10-13']);
    expect(result.missing).toEqual(['office']);
  });

  it('reads a .tar.gz archive and an archive URL (download injected: tests run without network)', async () => {
    const { dir, source, work } = setup();
    const archive = join(work, 'source.tar.gz');
    execFileSync('tar', ['-czf', archive, '-C', work, 'endoflife.date-main']);
    expect((await updateLifecycle({ source: archive, dir, today: day('2026-12-01') })).products).toHaveLength(5);
    const urls: string[] = [];
    const result = await updateLifecycle({
      source: 'https://example.org/endoflife.tar.gz',
      dir,
      today: day('2026-12-01'),
      download: async (url) => {
        urls.push(url);
        return readFileSync(archive);
      },
    });
    expect([urls, result.products.length]).toEqual([['https://example.org/endoflife.tar.gz'], 5]);
    void source;
  });

  it('stops with file:line:col on a bad product page and leaves the old snapshot alone', async () => {
    const { dir, source } = setup();
    await updateLifecycle({ source, dir, today: day('2026-12-01') });
    const before = readFileSync(join(dir, 'endoflife-date.yaml'), 'utf8');
    cpSync(join(SOURCE, 'products', 'broken.md'), join(source, 'products', 'broken.md'));
    await expect(updateLifecycle({ source, dir, products: ['broken'], today: day('2026-12-02') })).rejects.toThrow(
      'products/broken.md:5:1: Unexpected eol "2020-13-45"',
    );
    expect(readFileSync(join(dir, 'endoflife-date.yaml'), 'utf8')).toBe(before);
  });

  it('rejects a source that is not endoflife.date', async () => {
    const { dir, work } = setup();
    await expect(updateLifecycle({ source: work, dir, today: day('2026-12-01') })).rejects.toThrow('it has no products/ folder');
    writeFileSync(join(work, 'x.tar.gz'), 'not an archive');
    await expect(updateLifecycle({ source: join(work, 'x.tar.gz'), dir, today: day('2026-12-01') })).rejects.toThrow(/^Cannot extract/);
  });

  it('runs as `kb lifecycle update --source` and `kb lifecycle check`', () => {
    const { dir, source, work } = setup();
    const content = join(work, 'content');
    cpSync(join(ROOT, 'test/fixtures/stale/content/taxonomy.yaml'), join(content, 'taxonomy.yaml'));
    const run = (args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'scripts/kb.ts'), 'lifecycle', ...args], {
        cwd: ROOT,
        env: { ...process.env, KB_CONTENT_DIR: content },
        encoding: 'utf8',
      });
    const update = run(['update', '--source', source, '--today', '2026-12-01']);
    expect(update.status).toBe(0);
    expect(update.stdout).toMatch(/^Wrote \S*content\/lifecycle\/endoflife-date.yaml: 5 products\.$/m);
    const check = run(['check', '--today', '2027-06-01', '--max-age', '120']);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('Snapshot of endoflife.date from 2026-12-01 (182 days old)');
    expect(check.stderr).toContain('the snapshot is older than 120 days');
    expect(check.stderr).toContain('warning: taxonomy version without a known end of support: mail: Exchange Online');
    void dir;
  });
});
