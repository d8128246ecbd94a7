import { z } from 'astro/zod';
import { AUDIENCES, LANGS, STATES } from '../levels.ts';
import { idSchema as id } from './id.ts';
import { daySchema } from './day.ts';

const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);

const day = daySchema('reviewed');

/** When and how to hand a case over to a higher level. */
export const escalationSchema = z.object({
  /** The condition that makes this a case for the next level ("the reset link does not arrive after 15 minutes"). */
  when: z.string().min(1),
  /** The level to hand over to. */
  to: z.union([z.literal(2), z.literal(3)]),
  /** What to collect before handing over (logs, screenshots, ticket fields), one item each. */
  collect: z.array(z.string().min(1)).default([]),
});

/**
 * The frontmatter of a knowledge-base article. One schema for the Astro content collection
 * and for the `kb` scripts, so both reject the same articles with the same words.
 */
export const articleSchema = z.object({
  /** Short, search-friendly title that names the symptom ("Outlook keeps asking for the password"). */
  title: z.string().min(1),
  /** One or two sentences shown in search results and lists. */
  summary: z.string().min(1),
  /** The lowest support level that can apply the resolution: 1, 2 or 3. */
  level,
  /** `public`: customers and everyone; `internal`: support staff only (never in the public build). */
  audience: z.enum(AUDIENCES),
  /** Confidence after KCS: `draft` (not built), `validated`, `archived` (kept reachable with a banner, not searchable). */
  state: z.enum(STATES).default('validated'),
  /** Product id from `content/taxonomy.yaml`. */
  product: id,
  /** Product versions the article applies to, by name from the taxonomy (used for end-of-life checks). */
  versions: z.array(z.string().min(1)).default([]),
  /** Tag ids from `content/taxonomy.yaml`. */
  tags: z.array(id).default([]),
  /** Error codes as users see them (`0x80070005`, `AADSTS50076`); searchable in every common spelling. */
  error_codes: z.array(z.string().min(1)).default([]),
  /** Who keeps the article correct: a person or team handle. */
  owner: z.string().min(1),
  /** Day of the last review (YYYY-MM-DD). Missing means never reviewed. */
  reviewed: day.optional(),
  /** Days between reviews; falls back to the project default (`reviewEvery` in astro.config.mjs). */
  review_every: z.number().int().positive().optional(),
  /** Ticket ids that this article solved or that document it (`INC0012345`, `SUP-123`). */
  tickets: z.array(z.coerce.string()).default([]),
  /** Language of the article. */
  lang: z.enum(LANGS),
  /** Pairs translations: articles with the same key are the same article in other languages. */
  translation_key: id.optional(),
  /** When to escalate, to which level, and what to collect first. Required for levels 2 and 3 by `kb check`. */
  escalation: escalationSchema.optional(),
  /**
   * "Contact support" on the public site: the questions a customer answers before the request
   * opens, in customer words ("Which printer is it?"). Default: the escalation checklist.
   */
  contact: z.object({ questions: z.array(z.string().min(1)).default([]) }).optional(),
});

export type ArticleData = z.infer<typeof articleSchema>;
export type Escalation = z.infer<typeof escalationSchema>;
