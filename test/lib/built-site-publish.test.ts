import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { publishSites, siteRootDir, stagingDir } from '../../src/lib/built-site/publish.ts';

// A rename that fails on demand (a full disk, a file system that refuses, a virus scanner holding
// a file): the only way to see what a failed publish leaves behind.
const failing = vi.hoisted(() => ({ rename: undefined as ((from: string, to: string) => boolean) | undefined }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (failing.rename?.(String(from), String(to)))
        throw Object.assign(new Error(`EBUSY: resource busy or locked, rename '${from}' -> '${to}'`), { code: 'EBUSY' });
      return actual.rename(from, to);
    },
  };
});

const work = mkdtempSync(join(tmpdir(), 'kb-publish-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => {
  failing.rename = undefined;
});

let n = 0;
/** An output folder holding `old` sites and a staging folder holding `built` ones, each with an index.html naming its build. */
function setup(old: string[], built: string[]) {
  const out = join(work, `out${++n}`);
  const staging = stagingDir(out);
  for (const site of old) writeSite(join(out, site), `old ${site}`);
  for (const site of built) writeSite(join(staging, site), `new ${site}`);
  return { out, staging };
}

function writeSite(dir: string, text: string): void {
  mkdirSync(join(dir, 'en'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), text);
  writeFileSync(join(dir, 'en/index.html'), `${text} en`);
}

const page = (out: string, site: string) => (existsSync(join(out, site, 'index.html')) ? readFileSync(join(out, site, 'index.html'), 'utf8') : 'missing');

describe('publishSites', () => {
  it('replaces every old site by the new one, with all its files, and leaves no copy behind', async () => {
    const { out, staging } = setup(['public', 'internal'], ['public', 'internal']);
    await publishSites(staging, out, ['public', 'internal']);
    expect([page(out, 'public'), page(out, 'internal')]).toEqual(['new public', 'new internal']);
    expect(readFileSync(join(out, 'public/en/index.html'), 'utf8')).toBe('new public en');
    expect(readdirSync(out).sort()).toEqual(['.building', 'internal', 'public']);
    expect(readdirSync(staging)).toEqual([]);
  });

  it('publishes into an output folder that does not exist yet', async () => {
    const { out, staging } = setup([], ['public']);
    await publishSites(staging, out, ['public']);
    expect(page(out, 'public')).toBe('new public');
  });

  it('publishes only the sites of the run and leaves the others alone', async () => {
    const { out, staging } = setup(['public', 'internal'], ['internal']);
    await publishSites(staging, out, ['internal']);
    expect([page(out, 'public'), page(out, 'internal')]).toEqual(['old public', 'new internal']);
  });

  it('is not stopped by the leftover of a publish that was killed half-way', async () => {
    const { out, staging } = setup(['public'], ['public']);
    writeSite(join(out, '.old-public'), 'killed run');
    await publishSites(staging, out, ['public']);
    expect(page(out, 'public')).toBe('new public');
    expect(existsSync(join(out, '.old-public'))).toBe(false);
  });

  it('changes nothing when a site of the run was not built, and says which', async () => {
    const { out, staging } = setup(['public', 'internal'], ['public']);
    await expect(publishSites(staging, out, ['public', 'internal'])).rejects.toThrow(`the built internal site is missing in ${staging}`);
    expect([page(out, 'public'), page(out, 'internal')]).toEqual(['old public', 'old internal']);
  });

  it('leaves the old site in place when the new one cannot be moved there', async () => {
    const { out, staging } = setup(['public'], ['public']);
    failing.rename = (from) => from === join(staging, 'public');
    await expect(publishSites(staging, out, ['public'])).rejects.toThrow(/EBUSY/);
    expect(page(out, 'public')).toBe('old public');
    expect(readFileSync(join(out, 'public/en/index.html'), 'utf8')).toBe('old public en');
  });

  it('leaves both old sites in place when the second one fails (the build then says both are unchanged)', async () => {
    const { out, staging } = setup(['public', 'internal'], ['public', 'internal']);
    failing.rename = (from) => from === join(staging, 'internal');
    await expect(publishSites(staging, out, ['public', 'internal'])).rejects.toThrow(/EBUSY/);
    expect([page(out, 'public'), page(out, 'internal')]).toEqual(['old public', 'old internal']);
  });

  it('leaves no site at all when there was none before and the move fails', async () => {
    const { out, staging } = setup([], ['public', 'internal']);
    failing.rename = (from) => from === join(staging, 'internal');
    await expect(publishSites(staging, out, ['public', 'internal'])).rejects.toThrow(/EBUSY/);
    expect([page(out, 'public'), page(out, 'internal')]).toEqual(['missing', 'missing']);
  });
});

describe('stagingDir', () => {
  it('lies inside the output folder, so publishing is a rename on one file system', () => {
    const out = join(work, 'dist');
    expect(dirname(stagingDir(out))).toBe(out);
    expect(['public', 'internal']).not.toContain(relative(out, stagingDir(out)));
  });
});

describe('siteRootDir', () => {
  const project = join(work, 'project');

  it('is the same for a rebuild of the same folders, so Astro finds its cache again', () => {
    expect(siteRootDir(project, 'public', join(work, 'content'), join(work, 'dist'))).toBe(
      siteRootDir(project, 'public', join(work, 'content'), join(work, 'dist')),
    );
  });

  it('is the same however the folders are written (relative or absolute)', () => {
    const cwd = process.cwd();
    expect(siteRootDir(project, 'public', relative(cwd, join(work, 'content')), relative(cwd, join(work, 'dist')))).toBe(
      siteRootDir(project, 'public', join(work, 'content'), join(work, 'dist')),
    );
  });

  it('differs per site, per content folder and per output folder, so builds running at once never share one', () => {
    const dirs = [
      siteRootDir(project, 'public', join(work, 'content'), join(work, 'dist')),
      siteRootDir(project, 'internal', join(work, 'content'), join(work, 'dist')),
      siteRootDir(project, 'public', join(work, 'fixture-content'), join(work, 'dist')),
      siteRootDir(project, 'public', join(work, 'content'), join(work, 'dist-test')),
    ];
    expect(new Set(dirs).size).toBe(dirs.length);
  });

  it("lies below the project's .astro folder, named after the site", () => {
    const dir = siteRootDir(project, 'internal', join(work, 'content'), join(work, 'dist'));
    expect(relative(join(project, '.astro/sites'), dir).split(/[\\/]/)).toEqual([expect.stringMatching(/^[0-9a-f]{10}$/), 'internal']);
  });
});
