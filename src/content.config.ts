import { defineCollection } from 'astro:content';
import { articleSchema } from './lib/schema/article.ts';
import { buildAudience, resolveKbConfig } from './lib/config.ts';
import { articlesLoader } from './integration/articles-loader.ts';

const { contentDir } = resolveKbConfig();

export const collections = {
  articles: defineCollection({
    loader: articlesLoader({ contentDir, audience: buildAudience() }),
    schema: articleSchema,
  }),
};
