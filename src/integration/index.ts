import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { siteSettings, type KbOptions } from '../lib/config.ts';
import { indexSite } from './pagefind.ts';
import { checkBuiltSiteLinks, formatBrokenLinks } from '../lib/built-site/link-check.ts';

/**
 * The knowledge-base integration: picks the site (public or internal) from KB_AUDIENCE, writes it
 * to dist/<audience>, and indexes it with Pagefind when the build is done.
 */
export function kb(options: KbOptions = {}): AstroIntegration & { kbOptions: KbOptions } {
  const settings = siteSettings(options);
  const { audience } = settings;
  return {
    name: 'tiered-kb',
    kbOptions: options,
    hooks: {
      'astro:config:setup': ({ config: astroConfig, updateConfig }) => {
        const outDir = process.env['KB_OUT_DIR'];
        updateConfig({
          // KB_OUT_DIR lets tests and benchmarks build fixture sites without touching dist/
          outDir: outDir ? pathToFileURL(`${resolve(outDir, audience)}/`) : new URL(`dist/${audience}/`, astroConfig.root),
          // separate caches per site and content folder: each holds different entries in its store
          cacheDir: new URL(`node_modules/.astro/${cacheKey(settings.contentDir)}-${audience}/`, astroConfig.root),
          vite: {
            // the one way settings reach the pages (src/site/context.ts reads it)
            define: { 'import.meta.env.KB_SETTINGS': JSON.stringify(settings) },
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const stats = await indexSite(outDir);
        logger.info(`Pagefind indexed ${stats.pages} pages in ${stats.languages} languages for the ${audience} site`);
        const links = checkBuiltSiteLinks(outDir);
        if (links.broken.length) {
          throw new Error(`${links.broken.length} broken links in the ${audience} site:\n${formatBrokenLinks(links.broken)}`);
        }
        logger.info(`All ${links.checked} links and anchors of the ${audience} site resolve`);
      },
    },
  };
}

function cacheKey(contentDir: string): string {
  return createHash('sha256').update(resolve(contentDir)).digest('hex').slice(0, 8);
}
