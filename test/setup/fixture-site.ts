import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildBoth } from '../helpers/build-site.ts';
import { FIXTURE_SITE_CONTENT, ROOT } from '../helpers/paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureSite: string;
  }
}

/** Builds the fixture knowledge base once per test run, both sites, for the site and browser tests. */
export default async function setup(project: TestProject) {
  // inside the project: Astro then keeps its temporary files in the output folder (not a shared
  // .astro/ folder that parallel builds would overwrite) and they still resolve node_modules
  await mkdir(join(ROOT, 'node_modules/.cache'), { recursive: true });
  const outDir = await mkdtemp(join(ROOT, 'node_modules/.cache/kb-fixture-site-'));
  // the way `npm run build` makes them: both at once, each with its own Astro root
  await buildBoth(FIXTURE_SITE_CONTENT, outDir);
  project.provide('fixtureSite', outDir);
  return async () => {
    await rm(outDir, { recursive: true, force: true });
  };
}
