import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // generous: CLI tests spawn processes, and a loaded 2-core machine can be several times slower
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // builds and browsers are heavy on these 2-core machines; keep files from starving each other
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/site/**', 'test/browser/**', 'test/data/**'] },
      },
      {
        // tests over a built fixture site: the site is built once, in globalSetup
        extends: true,
        test: {
          name: 'site',
          include: ['test/site/**/*.test.ts', 'test/browser/**/*.test.ts'],
          globalSetup: ['test/setup/fixture-site.ts'],
          testTimeout: 180_000,
        },
      },
      {
        // tests over the full real data in ../shared: `npm run test:data`, never part of `npm test`
        extends: true,
        test: {
          name: 'data',
          include: ['test/data/**/*.test.ts'],
          globalSetup: ['test/setup/shared-data.ts'],
          testTimeout: 300_000,
        },
      },
    ],
  },
});
