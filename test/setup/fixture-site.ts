import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../helpers/build-site.ts';
import { FIXTURE_SITE_CONTENT } from '../helpers/paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureSite: string;
  }
}

/** Builds the fixture knowledge base once per test run, both sites, for the site and browser tests. */
export default async function setup(project: TestProject) {
  const outDir = await mkdtemp(join(tmpdir(), 'kb-fixture-site-'));
  await buildSite(FIXTURE_SITE_CONTENT, outDir, 'public');
  await buildSite(FIXTURE_SITE_CONTENT, outDir, 'internal');
  project.provide('fixtureSite', outDir);
  return async () => {
    await rm(outDir, { recursive: true, force: true });
  };
}
