import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob as findFiles } from 'tinyglobby';
import { BUILT_ARTICLE_GLOB, articleIdOfEntry } from '../lib/article-id.ts';
import { articlesDir } from '../lib/content/read-articles.ts';
import type { Audience } from '../lib/levels.ts';
import { isBuilt } from '../lib/content/visibility.ts';
import { publicBody } from '../lib/content/internal-blocks.ts';
import { refuseUnbounded } from '../lib/content/article-bounds.ts';
import { createArticleRenderer, type ArticleRendererOptions } from '../lib/content/render-article.ts';
import { escalationQueue, readTaxonomy } from '../lib/content/taxonomy.ts';
import type { ArticleData } from '../lib/schema/article.ts';
import { kbOptionsOf, resolveKbConfig } from '../lib/config.ts';

/** Changes when what the loader stores changes; the renderer's own changes are seen by the probe below. */
const STORE_VERSION = 'kb-articles-1';

/**
 * An article with every component, heading ids and a code block: its HTML (in both languages)
 * is part of every entry's digest, so a change of the components' markup, their words, the
 * highlighter or the renderer renders the cached articles again.
 */
const RENDER_PROBE = `## Probe

<Steps>
1. <ErrorCode code="0x1" />
</Steps>

<Callout>x</Callout><Callout type="tip">x</Callout><Callout type="warning">x</Callout>

<Internal>x</Internal>

<Escalation to={2} collect={['x']}>x</Escalation><Escalation to={3}>x</Escalation>

\`\`\`powershell
Get-Item x
\`\`\`
`;

/**
 * Loads the articles that belong in this site, each rendered to HTML once (see
 * src/lib/content/render-article.ts): no article becomes a JavaScript module for Vite to bundle,
 * which was most of the build's time. Excluded entries never enter the data store. In the public
 * build an entry's `body` is its public body (`<Internal>` cut out), so whatever the site derives
 * from the text (hidden search terms, compound parts) cannot hold agent-only text; its HTML was
 * rendered from a tree without the `<Internal>` elements.
 *
 * Articles are `.mdx` files; a `.md` file is refused (kb check says so too): it would be read
 * as plain Markdown, where `<Internal>` is just an HTML tag and its content would be shown.
 */
export function articlesLoader(options: { contentDir: string; audience: Audience }): Loader {
  const base = resolve(articlesDir(options.contentDir));
  return {
    name: 'kb-articles',
    load: async (context: LoaderContext) => {
      const markdown = await findFiles('**/*.md', { cwd: base });
      if (markdown.length) {
        throw new Error(`Articles must be .mdx files; rename ${markdown.map((f) => `articles/${f}`).join(', ')} to .mdx (kb check reports this as md-file)`);
      }
      // what kb check refuses for its input bounds (nesting, YAML aliases, days), before Astro
      // or the renderer reads any article: each with file, line and column
      await refuseUnbounded(base);
      const entryType = mdxEntryType(context);
      // the URL policy of the kb() options in astro.config.mjs, as the article guard applies it
      const { urlSchemes } = resolveKbConfig(kbOptionsOf(context.config.integrations));
      const taxonomy = readTaxonomy(options.contentDir);
      const render = await createArticleRenderer({
        audience: options.audience,
        urlSchemes,
        markdown: context.config.markdown as ArticleRendererOptions['markdown'],
        image: context.config.image as ArticleRendererOptions['image'],
        queue: (product, level) => escalationQueue(taxonomy, product, level),
      });
      // an entry cached by another renderer, audience, URL policy or set of queue names is rendered again
      const probes = await Promise.all((['en', 'de'] as const).map(async (lang) => (await render(RENDER_PROBE, { lang })).html));
      const version = context.generateDigest(
        [STORE_VERSION, options.audience, JSON.stringify(urlSchemes), JSON.stringify(taxonomy.products.map((p) => [p.id, p.queues])), ...probes].join('\0'),
      );
      const root = fileURLToPath(context.config.root);
      const untouched = new Set(context.store.keys());
      const files = (await findFiles(BUILT_ARTICLE_GLOB, { cwd: base })).sort();

      const load = async (file: string) => {
        const path = join(base, file);
        const fileUrl = pathToFileURL(path);
        const contents = await readFile(path, 'utf8');
        const id = articleIdOfEntry(file);
        untouched.delete(id);
        const digest = context.generateDigest(`${version}\0${contents}`);
        const filePath = relative(root, path).split(sep).join('/');
        const existing = context.store.get(id);
        if (existing && existing.digest === digest && existing.filePath === filePath) {
          if (existing.assetImports?.length) assetImports(context)(existing.assetImports, filePath);
          return;
        }
        const { body, data } = await entryType.getEntryInfo({ contents, fileUrl });
        const parsed = await context.parseData<ArticleData>({ id, data: data as ArticleData, filePath: path });
        // an article that was built before (a public article made internal, a page turned back
        // into a draft) must leave the cached store too, or the old copy is built
        if (!isBuilt(parsed, options.audience)) {
          context.store.delete(id);
          return;
        }
        let rendered;
        try {
          rendered = await render(contents, { lang: parsed.lang, fileURL: fileUrl });
        } catch (error) {
          throw new Error(`${relative(process.cwd(), path)}:${(error as Error).message}`, { cause: error });
        }
        context.store.set({
          id,
          data: parsed,
          body: options.audience === 'public' ? publicBody(body) : body,
          filePath,
          digest,
          rendered: { html: rendered.html, metadata: { headings: rendered.headings, imagePaths: rendered.imagePaths } },
          assetImports: rendered.imagePaths,
        });
      };
      // a few at a time: reading overlaps rendering, which is mostly one native call per article
      const queue = [...files];
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let file = queue.shift(); file !== undefined; file = queue.shift()) await load(file);
        }),
      );
      for (const id of untouched) context.store.delete(id);
    },
  };
}

/** How Astro reads an entry's frontmatter and body; what its own glob loader uses. */
interface EntryType {
  getEntryInfo(options: { contents: string; fileUrl: URL }): Promise<{ body: string; data: Record<string, unknown> }>;
}

/**
 * The `.mdx` entry type of @astrojs/mdx, so frontmatter is read exactly as Astro reads it (YAML
 * dates, for one). Astro hands it to loaders as `entryTypes`, outside the public loader type.
 */
function mdxEntryType(context: LoaderContext): EntryType {
  const types = (context as LoaderContext & { entryTypes?: Map<string, EntryType> }).entryTypes;
  const type = types?.get('.mdx');
  if (!type) throw new Error('kb-articles reads .mdx files through @astrojs/mdx: add mdx() to the integrations in astro.config.mjs');
  return type;
}

/**
 * Registers the images of a cached entry again, as Astro's glob loader does: the store rebuilds
 * its list of images to process on every build. (`addAssetImports` is on Astro's data store but
 * not in the loader's type.)
 */
function assetImports(context: LoaderContext): (assets: string[], filePath: string) => void {
  const store = context.store as LoaderContext['store'] & { addAssetImports?: (assets: string[], filePath: string) => void };
  if (!store.addAssetImports) throw new Error('kb-articles: this Astro version cannot register cached images (no addAssetImports)');
  return store.addAssetImports.bind(store);
}
