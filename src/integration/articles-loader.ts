import { resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { ARTICLE_GLOB, articleIdOfEntry } from '../lib/article-id.ts';
import { articlesDir } from '../lib/content/read-articles.ts';
import type { Audience } from '../lib/levels.ts';
import { isBuilt } from '../lib/content/visibility.ts';
import type { ArticleData } from '../lib/schema/article.ts';

/**
 * The glob loader, restricted to the articles that belong in this site. Excluded entries never
 * enter the data store, so their MDX is not even compiled for the public build.
 */
export function articlesLoader(options: { contentDir: string; audience: Audience }): Loader {
  const inner = glob({
    pattern: ARTICLE_GLOB,
    base: resolve(articlesDir(options.contentDir)),
    generateId: ({ entry }) => articleIdOfEntry(entry),
  });
  return {
    name: 'kb-articles',
    load: (context: LoaderContext) => {
      const store = new Proxy(context.store, {
        get(target, property, receiver) {
          if (property === 'set') {
            return (entry: { id: string; data: unknown }) => {
              if (isBuilt(entry.data as ArticleData, options.audience)) return target.set(entry as never);
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
