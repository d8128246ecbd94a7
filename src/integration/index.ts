import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildAudience, siteSettings, type KbOptions } from '../lib/config.ts';
import { indexSite } from './pagefind.ts';
import { checkBuiltSiteLinks, formatBrokenLinks } from '../lib/built-site/link-check.ts';
import { articleGuard } from './article-guard.ts';
import { astroCsp, headersFile, type CspSite } from '../lib/csp.ts';
import { DEFAULT_URL_SCHEMES } from '../lib/url-policy.ts';
import { THEME_INIT } from '../site/theme-init.ts';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The project folder (where astro.config.mjs, src/ and node_modules/ are), whatever Astro's root. */
const PROJECT_ROOT = new URL('../../', import.meta.url);

/**
 * The knowledge-base integration: picks the site (public or internal) from KB_AUDIENCE, writes it
 * to dist/<audience>, and indexes it with Pagefind when the build is done.
 */
export function kb(options: KbOptions = {}): AstroIntegration & { kbOptions: KbOptions } {
  const audience = buildAudience();
  let csp: CspSite | undefined;
  let urlSchemes: readonly string[] | undefined;
  return {
    name: 'tiered-kb',
    kbOptions: options,
    hooks: {
      'astro:config:setup': ({ config: astroConfig, updateConfig }) => {
        // read here, not when astro.config.mjs is imported: the kb commands import it for its options
        const settings = siteSettings(options);
        addArticleGuard(astroConfig.markdown.processor, articleGuard({ audience, urlSchemes: settings.urlSchemes }));
        const outDir = process.env['KB_OUT_DIR'];
        csp = { audience, feedbackEndpoint: settings.site.feedbackEndpoint };
        // the site's own links (contact mail and phone, edit links) use the default schemes
        // whatever articles may use; the article guard holds articles to urlSchemes exactly
        urlSchemes = [...new Set([...DEFAULT_URL_SCHEMES, ...settings.urlSchemes])];
        const astroRoot = fileURLToPath(astroConfig.root);
        updateConfig({
          // KB_OUT_DIR lets tests and benchmarks build fixture sites without touching dist/
          outDir: outDir ? pathToFileURL(`${resolve(outDir, audience)}/`) : new URL(`dist/${audience}/`, PROJECT_ROOT),
          // separate caches per site, content folder and Astro root (`npm run build` gives each
          // site its own root): each holds different entries, with paths relative to the root
          cacheDir: siteCacheDir(settings.contentDir, astroRoot, audience),
          // every page carries its Content-Security-Policy with the hashes of its own scripts and
          // styles (src/lib/csp.ts); Shiki colours code with style attributes, which the policy
          // refuses, so code blocks are highlighted by Prism (classes, coloured in global.css)
          security: { csp: astroCsp(csp, [THEME_INIT]) },
          markdown: { syntaxHighlight: { type: 'prism', excludeLangs: ['math'] } },
          vite: {
            // the one way settings reach the pages (src/site/context.ts reads it)
            define: { 'import.meta.env.KB_SETTINGS': JSON.stringify({ ...settings, astroRoot }) },
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const stats = await indexSite(outDir);
        logger.info(`Pagefind indexed ${stats.pages} pages in ${stats.languages} languages for the ${audience} site`);
        const links = checkBuiltSiteLinks(outDir, urlSchemes);
        if (links.broken.length) {
          throw new Error(`${links.broken.length} broken links in the ${audience} site:\n${formatBrokenLinks(links.broken)}`);
        }
        logger.info(`All ${links.checked} links and anchors of the ${audience} site resolve`);
        // the headers a host should add (Netlify, Cloudflare Pages read _headers; nginx and Caddy: README)
        if (csp) await writeFile(join(outDir, '_headers'), headersFile(csp));
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
    throw new Error(
      `kb(): the markdown processor must be Sätteri (Astro's default), found "${processor.name}": the article guard that removes <Internal> and refuses code runs as a Sätteri plugin`,
    );
  }
  const options = processor.options as { mdastPlugins: { name?: string }[] };
  options.mdastPlugins = [guard, ...options.mdastPlugins.filter((p) => p?.name !== guard.name)];
}

/** Astro's cache (content store, Vite's dependencies) for one site of a content folder. */
export function siteCacheDir(contentDir: string, astroRoot: string, audience: string): URL {
  // versioned: entries cached before the public body was cut out (2), or before the build
  // checked input bounds (3: src/lib/content/article-bounds.ts), must not be reused
  const key = createHash('sha256')
    .update(`kb-store-3:${resolve(contentDir)}\0${resolve(astroRoot)}`)
    .digest('hex')
    .slice(0, 8);
  return new URL(`node_modules/.astro/${key}-${audience}/`, PROJECT_ROOT);
}
