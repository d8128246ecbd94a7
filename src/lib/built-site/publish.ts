import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';

/**
 * Moves freshly built sites from a staging folder into the output folder, replacing the previous
 * ones, only after every site of the run passed. Each site is swapped by two renames in the same
 * folder, so a reader sees either the old site or the new one, never a half-written mix; when
 * a rename fails, every site of the run is put back as it was.
 */
export async function publishSites(staging: string, outRoot: string, sites: readonly string[]): Promise<void> {
  for (const site of sites) {
    if (!existsSync(join(staging, site))) throw new Error(`the built ${site} site is missing in ${staging}`);
  }
  await mkdir(outRoot, { recursive: true });
  const old = (site: string) => join(outRoot, `.old-${site}`);
  const swapped: string[] = [];
  try {
    for (const site of sites) {
      const target = join(outRoot, site);
      await rm(old(site), { recursive: true, force: true });
      if (existsSync(target)) await rename(target, old(site));
      swapped.push(site);
      await rename(join(staging, site), target);
    }
  } catch (error) {
    // a failed publish leaves every site as it was (the build says so): new sites go back to
    // staging, old ones back in place
    for (const site of swapped.reverse()) {
      const target = join(outRoot, site);
      if (existsSync(target) && !existsSync(join(staging, site))) await rename(target, join(staging, site));
      if (existsSync(old(site))) await rename(old(site), target);
    }
    throw error;
  }
  for (const site of sites) await rm(old(site), { recursive: true, force: true });
}

/** The staging folder of a build: next to the sites, so publishing is a rename on one file system. */
export function stagingDir(outRoot: string): string {
  return join(outRoot, '.building');
}

/**
 * Astro's root for one site when `npm run build` builds both at once (see scripts/build.ts): one
 * per content folder and output folder, so builds of other folders (tests, benchmarks) running
 * at the same time never share one, while a rebuild of the same folders finds its cache again.
 */
export function siteRootDir(projectRoot: string, site: string, contentDir: string, outRoot: string): string {
  const key = createHash('sha256')
    .update(`${resolve(contentDir)}\0${resolve(outRoot)}`)
    .digest('hex')
    .slice(0, 10);
  return join(projectRoot, '.astro/sites', key, site);
}
