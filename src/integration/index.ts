import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildAudience, resolveKbConfig, resolveSiteOptions, type KbOptions } from '../lib/config.ts';
import { indexSite } from './pagefind.ts';
import { checkDistLinks, formatBrokenLinks } from '../lib/dist/link-check.ts';
import { articleGuard } from './article-guard.ts';

/**
 * The knowledge-base integration: picks the site (public or internal) from KB_AUDIENCE, writes it
 * to dist/<audience>, and indexes it with Pagefind when the build is done.
 */
export function kb(options: KbOptions = {}): AstroIntegration & { kbOptions: KbOptions } {
  const audience = buildAudience();
  const config = resolveKbConfig(options);
  const site = resolveSiteOptions(options);
  return {
    name: 'tiered-kb',
    kbOptions: options,
    hooks: {
      'astro:config:setup': ({ config: astroConfig, updateConfig }) => {
        addArticleGuard(astroConfig.markdown.processor, articleGuard({ audience, urlSchemes: config.urlSchemes }));
        const outDir = process.env['KB_OUT_DIR'];
        updateConfig({
          // KB_OUT_DIR lets tests and benchmarks build fixture sites without touching dist/
          outDir: outDir ? pathToFileURL(`${resolve(outDir, audience)}/`) : new URL(`dist/${audience}/`, astroConfig.root),
          // separate caches per site and content folder: each holds different entries in its store
          cacheDir: new URL(`node_modules/.astro/${cacheKey(config.contentDir)}-${audience}/`, astroConfig.root),
          vite: {
            define: {
              'import.meta.env.KB_AUDIENCE': JSON.stringify(audience),
              'import.meta.env.KB_REPOSITORY': JSON.stringify(config.repository),
              'import.meta.env.KB_BRANCH': JSON.stringify(config.branch),
              'import.meta.env.KB_CONTENT_DIR': JSON.stringify(config.contentDir),
              'import.meta.env.KB_SITE_OPTIONS': JSON.stringify(JSON.stringify(site)),
            },
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const stats = await indexSite(outDir);
        logger.info(`Pagefind indexed ${stats.pages} pages in ${stats.languages} languages for the ${audience} site`);
        const links = checkDistLinks(outDir);
        if (links.broken.length) {
          throw new Error(`${links.broken.length} broken links in the ${audience} site:\n${formatBrokenLinks(links.broken)}`);
        }
        logger.info(`All ${links.checked} links and anchors of the ${audience} site resolve`);
      },
    },
  };
}

/**
 * Puts the article guard first in the MDX processor's mdast plugins, before Astro's own plugins
 * collect images and heading ids. Sätteri (Astro's default processor) is required: with another
 * processor the guard would not run, and the public build would not be safe.
 */
function addArticleGuard(processor: { name: string; options: unknown }, guard: { name: string }): void {
  if (processor.name !== 'satteri') {
    throw new Error(`kb(): the markdown processor must be Sätteri (Astro's default), found "${processor.name}": the article guard that removes <Internal> and refuses code runs as a Sätteri plugin`);
  }
  const options = processor.options as { mdastPlugins: { name?: string }[] };
  options.mdastPlugins = [guard, ...options.mdastPlugins.filter((p) => p?.name !== guard.name)];
}

function cacheKey(contentDir: string): string {
  // versioned: entries cached before the public body was cut out must not be reused
  return createHash('sha256').update('kb-store-2:').update(resolve(contentDir)).digest('hex').slice(0, 8);
}
