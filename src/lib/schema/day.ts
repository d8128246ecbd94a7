import { z } from 'astro/zod';
import { dayHint, parseDay } from '../dates.ts';

/**
 * A day written YYYY-MM-DD that exists in the calendar, for every day authors write (an
 * article's `reviewed`, a version's `eol` in the taxonomy, the days of content/lifecycle/).
 * `z.coerce.date()` would read `2026-02-30` as 2 March and `05.06.2024` as 6 May. The YAML
 * readers differ: `kb check` and the taxonomy reader see `2026-02-30` as text, Astro's
 * frontmatter reader turns day-shaped values into a Date (rolling 2026-02-30 over into March),
 * so the build also checks each article's frontmatter as `kb check` reads it
 * (src/lib/content/article-bounds.ts). A refused day gets the day it means in its hint.
 */
export function daySchema(field: string) {
  return z.union([z.date(), z.string()]).transform((value, ctx) => strictDay(value, field, ctx));
}

/** A day, or `true`/`false` (ended on an unknown day / no end announced), as endoflife.date writes ends. */
export function endDaySchema(field: string) {
  return z.union([z.boolean(), z.date(), z.string()]).transform((value, ctx) => (typeof value === 'boolean' ? value : strictDay(value, field, ctx)));
}

function strictDay(value: Date | string, field: string, ctx: z.RefinementCtx): Date {
  const parsed = value instanceof Date ? (Number.isNaN(value.getTime()) ? undefined : value) : parseDay(value);
  if (parsed) return parsed;
  ctx.addIssue({
    code: 'custom',
    message:
      typeof value === 'string'
        ? `Unexpected day ${JSON.stringify(value)}, expected YYYY-MM-DD. ${dayHint(value, field)}`
        : 'Unexpected invalid date, expected YYYY-MM-DD',
  });
  return z.NEVER;
}
