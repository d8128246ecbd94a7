import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 300_000,
    // builds and browsers are heavy on these 2-core machines; keep files from starving each other
    maxWorkers: 2,
  },
});
