import { z } from 'astro/zod';
import { daySchema, endDaySchema } from '../schema/day.ts';

/**
 * End of a cycle: a day, `false` (supported, no end announced) or `true` (ended, day unknown).
 * The same convention as endoflife.date.
 */
export const endSchema = endDaySchema('eol');

/** One release cycle of a product (endoflife.date's `releases[]`). */
export const cycleSchema = z.object({
  /** Cycle id as the source names it: `2016`, `13.0-sp3`, `10-22h2`, `11`. */
  cycle: z.string().min(1),
  /** Display name when it differs from the id (`2016 SP3`, `Windows Server 2012 R2`). */
  label: z.string().optional(),
  released: daySchema('released').optional(),
  /** End of active (mainstream) support. */
  support: endSchema.optional(),
  /** End of security support: the day articles about this cycle go out of date. */
  eol: endSchema.default(false),
  /** End of paid extended security updates, when the vendor sells them. */
  extendedSupport: endSchema.optional(),
  link: z.string().optional(),
});

/** A name under which articles mention a product; `cycle` pins a name that carries no version (`Exchange Server SE`). */
export const nameSchema = z.union([z.string().min(1), z.object({ name: z.string().min(1), cycle: z.string().min(1) })]);

/** One product of the lifecycle data. */
export const lifecycleProductSchema = z.object({
  title: z.string().min(1).optional(),
  /** Other ids of the product at the source (endoflife.date `alternate_urls`: `msoffice`, `ie`). */
  aliases: z.array(z.string()).default([]),
  /** CPE and other identifiers, kept for tools that join on them. */
  identifiers: z.array(z.string()).default([]),
  /** Where the vendor publishes the policy. */
  link: z.string().optional(),
  cycles: z.array(cycleSchema).default([]),
  /** How articles write the product's name (case-sensitive; the longest name at a place wins). */
  names: z.array(nameSchema).default([]),
  /** Version text -> cycle id, for versions the cycle ids do not spell (`'10': 10-22h2`). */
  versions: z.record(z.string(), z.string()).default({}),
  /** The cycle a mention without a version means (`Internet Explorer` -> `11`). */
  bare: z.string().optional(),
});

/** `content/lifecycle/endoflife-date.yaml`: the dated snapshot written by `kb lifecycle update`. */
export const snapshotSchema = z.object({
  source: z.object({
    name: z.string(),
    url: z.string(),
    license: z.string(),
    commit: z.string().optional(),
    /** Day of the source's newest change the snapshot was made from. */
    date: z.coerce.date().optional(),
  }),
  /** Day `kb lifecycle update` wrote the snapshot. */
  updated: z.coerce.date(),
  products: z.record(z.string(), lifecycleProductSchema),
});

/** `content/lifecycle/local.yaml`: written by people; wins over the snapshot. */
export const localSchema = z.object({
  /** endoflife.date product ids that `kb lifecycle update` keeps in the snapshot. */
  import: z.array(z.string().min(1)).default([]),
  /** Per product id: names and version aliases for the snapshot's products, or whole in-house products with their cycles. */
  products: z.record(z.string(), lifecycleProductSchema.partial().extend({ cycles: z.array(cycleSchema).optional() })).default({}),
});

export type End = z.infer<typeof endSchema>;
export type Cycle = z.infer<typeof cycleSchema>;
export type LifecycleProduct = z.infer<typeof lifecycleProductSchema>;
export type Snapshot = z.infer<typeof snapshotSchema>;
export type LocalLifecycle = z.infer<typeof localSchema>;
