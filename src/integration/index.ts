import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildAudience, resolveKbConfig, type KbOptions } from '../lib/config.ts';
import { indexSite } from './pagefind.ts';

/**
 * The knowledge-base integration: picks the site (public or internal) from KB_AUDIENCE, writes it
 * to dist/<audience>, and indexes it with Pagefind when the build is done.
 */
export function kb(options: KbOptions = {}): AstroIntegration & { kbOptions: KbOptions } {
  const audience = buildAudience();
  const config = resolveKbConfig(options);
  return {
    name: 'tiered-kb',
    kbOptions: options,
    hooks: {
      'astro:config:setup': ({ config: astroConfig, updateConfig }) => {
        updateConfig({
          outDir: new URL(`dist/${audience}/`, astroConfig.root),
          // separate caches: the two sites hold different entries in their content stores
          cacheDir: new URL(`node_modules/.astro/${audience}/`, astroConfig.root),
          vite: {
            define: {
              'import.meta.env.KB_AUDIENCE': JSON.stringify(audience),
              'import.meta.env.KB_REPOSITORY': JSON.stringify(config.repository),
              'import.meta.env.KB_BRANCH': JSON.stringify(config.branch),
              'import.meta.env.KB_CONTENT_DIR': JSON.stringify(config.contentDir),
            },
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const stats = await indexSite(fileURLToPath(dir));
        logger.info(`Pagefind indexed ${stats.pages} pages in ${stats.languages} languages for the ${audience} site`);
      },
    },
  };
}
