import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 300_000,
    // builds and browsers are heavy on these 2-core machines; keep files from starving each other
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/site/**', 'test/browser/**'] },
      },
      {
        // tests over a built fixture site: the site is built once, in globalSetup
        extends: true,
        test: {
          name: 'site',
          include: ['test/site/**/*.test.ts', 'test/browser/**/*.test.ts'],
          globalSetup: ['test/setup/fixture-site.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
