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
      // demand events (kb collect, docs/collect.md): unset = the sites send nothing;
      // KB_COLLECT_ENDPOINT=/events (or a full URL) sets it per deployment
      // feedback: { endpoint: 'https://kb.example.com/events' },
      // "Contact support" on the public site: e-mail or a ticket portal URL, and whom to call
      contact: {
        email: 'support@example.com',
        phone: '+49 30 1234 5678',
        name: { en: 'the IT service desk', de: 'den IT-Service-Desk' },
        hours: { en: 'Mon–Fri 8:00–18:00', de: 'Mo–Fr 8–18 Uhr' },
      },
      editLinks: 'internal',
    }),
  ],
});
