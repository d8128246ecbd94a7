import { z } from 'astro/zod';

/** A stable id in frontmatter, taxonomy and URLs: products, tags, translation keys. */
export const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and hyphens');
