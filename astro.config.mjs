// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { kb } from './src/integration/index.ts';

// One configuration builds both sites; `npm run build` runs it once with KB_AUDIENCE=public
// (dist/public, customers) and once with KB_AUDIENCE=internal (dist/internal, agents).
export default defineConfig({
  // anchored to this file, not to Astro's root: `npm run build` gives each site its own root
  // (its own .astro/ folder), so the two builds can run at the same time
  srcDir: fileURLToPath(new URL('./src/', import.meta.url)),
  publicDir: fileURLToPath(new URL('./public/', import.meta.url)),
  site: 'https://kb.example.com',
  trailingSlash: 'always',
  // Astro 7's default ('jsx') joins words across lines, which glues words in the search index.
  compressHTML: true,
  integrations: [
    mdx(),
    sitemap(),
    kb({
      repository: 'https://github.com/example/tiered-kb',
      branch: 'main',
      reviewEvery: 365,
    }),
  ],
});
