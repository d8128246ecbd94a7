import { resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { glob as findFiles } from 'tinyglobby';
import { BUILT_ARTICLE_GLOB, articleIdOfEntry } from '../lib/article-id.ts';
import { articlesDir } from '../lib/content/read-articles.ts';
import type { Audience } from '../lib/levels.ts';
import { isBuilt } from '../lib/content/visibility.ts';
import { publicBody } from '../lib/content/internal-blocks.ts';
import { refuseUnbounded } from '../lib/content/article-bounds.ts';
import type { ArticleData } from '../lib/schema/article.ts';

/**
 * The glob loader, restricted to the articles that belong in this site. Excluded entries never
 * enter the data store, so their MDX is not even compiled for the public build. In the public
 * build an entry's `body` is its public body (`<Internal>` cut out), so whatever the site derives
 * from the text (hidden search terms, compound parts) cannot hold agent-only text.
 *
 * Articles are `.mdx` files; a `.md` file is refused (kb check says so too): Astro would render
 * it as plain Markdown, where `<Internal>` is just an HTML tag and its content would be shown.
 */
export function articlesLoader(options: { contentDir: string; audience: Audience }): Loader {
  const base = resolve(articlesDir(options.contentDir));
  const inner = glob({
    pattern: BUILT_ARTICLE_GLOB,
    base,
    generateId: ({ entry }) => articleIdOfEntry(entry),
  });
  return {
    name: 'kb-articles',
    load: async (context: LoaderContext) => {
      const markdown = await findFiles('**/*.md', { cwd: base });
      if (markdown.length) {
        throw new Error(`Articles must be .mdx files; rename ${markdown.map((f) => `articles/${f}`).join(', ')} to .mdx (kb check reports this as md-file)`);
      }
      // what kb check refuses for its input bounds, before Astro reads any article
      await refuseUnbounded(base);
      const store = new Proxy(context.store, {
        get(target, property, receiver) {
          if (property === 'set') {
            return (entry: { id: string; data: unknown; body?: string }) => {
              if (isBuilt(entry.data as ArticleData, options.audience)) {
                if (options.audience === 'public' && entry.body !== undefined) entry = { ...entry, body: publicBody(entry.body) };
                return target.set(entry as never);
              }
              // an article that was built before (a public article made internal, a page turned
              // back into a draft) must leave the cached store too, or the old copy is built
              target.delete(entry.id);
              return false;
            };
          }
          const value = Reflect.get(target, property, receiver) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      return inner.load({ ...context, store });
    },
  };
}
