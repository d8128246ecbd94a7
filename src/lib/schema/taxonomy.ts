import { z } from 'astro/zod';
import { idSchema } from './id.ts';
import { daySchema } from './day.ts';

/** A product version that the taxonomy tracks, with its end of life if known. */
export const productVersionSchema = z.object({
  /** Version name as authors write it in `versions:` (for example `2019` or `16.0`). */
  name: z.string().min(1),
  /** Last day of vendor support; articles about this version go stale after it. */
  eol: daySchema('eol').optional(),
});

/** One product or service that articles are about. */
export const productSchema = z.object({
  /** Stable id used in article frontmatter (`product: mail`) and in URLs. */
  id: idSchema,
  /** Display names per language. */
  name: z.object({ en: z.string().min(1), de: z.string().min(1) }),
  /** Owners (git user names or team handles, e.g. `@it/mail-team`) who review articles about it. */
  owners: z.array(z.string().min(1)).min(1),
  /** Known versions; optional. */
  versions: z.array(productVersionSchema).default([]),
  /**
   * The support queue (team, group) that takes escalations per level, e.g.
   * `{ 2: 'Workplace 2nd level', 3: 'Print platform team' }`. The agent site names the queue in
   * the escalation box instead of "level 3".
   */
  queues: z
    .object({ 2: z.string().min(1), 3: z.string().min(1) })
    .partial()
    .optional(),
});

/** A tag: a topic that cuts across products. */
export const tagSchema = z.object({
  id: idSchema,
  name: z.object({ en: z.string().min(1), de: z.string().min(1) }),
});

/** `content/taxonomy.yaml`: the products and tags articles may use. */
export const taxonomySchema = z.object({
  products: z.array(productSchema).min(1),
  tags: z.array(tagSchema).default([]),
});

export type Product = z.infer<typeof productSchema>;
export type Tag = z.infer<typeof tagSchema>;
export type Taxonomy = z.infer<typeof taxonomySchema>;
