import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'astro/zod';

/** A case-insensitive regular expression: a broken one is refused when the mapping is read, not per article. */
const patternSchema = z
  .string()
  .min(1)
  .superRefine((pattern, ctx) => {
    try {
      new RegExp(pattern, 'i');
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `not a regular expression (${(error as Error).message}); to match + ( ) [ ] ? * literally, write \\+ \\( and so on`,
      });
    }
  });

/** One value rule: a case-insensitive regular expression over the source value, and what it becomes. */
const valueRuleSchema = z.object({
  match: patternSchema,
  /** Target value; `null` drops the value on purpose (it is counted, not reported per file). */
  to: z.union([z.string(), z.number(), z.null()]),
});

/** How one source key becomes one target field. A bare string is the target field name. */
const singleFieldSchema = z.union([
  z.string().min(1),
  z.object({
    to: z.string().min(1),
    /** Value rules, first match wins. Values that match no rule are reported and the default is used. */
    values: z.array(valueRuleSchema).optional(),
  }),
]);

/** One target, or a list of targets: `appliesto: [{ to: product, values: [...] }, versions]` fills both. */
const fieldSchema = z.union([singleFieldSchema, z.array(singleFieldSchema).min(1)]);

/**
 * A mapping file: how another knowledge base's frontmatter becomes ours. See docs/import.md
 * and docs/examples/officedocs-mapping.yaml.
 */
export const mappingSchema = z.object({
  /** Source key -> target field (`summary`, `reviewed`, `owner`, `product`, `tags`, `level`, ...). */
  fields: z.record(z.string(), fieldSchema).default({}),
  /** Source keys dropped on purpose; they are counted in the report summary, not listed per file. */
  ignore: z.array(z.string()).default([]),
  /** Values for target fields that the source does not set. */
  defaults: z.record(z.string(), z.unknown()).default({}),
  /** Use the first level-1 heading of the body as the title and remove it from the body. */
  titleFromH1: z.boolean().default(true),
  /** DocFX alert names -> Callout types. */
  alerts: z.record(z.string(), z.enum(['note', 'tip', 'warning'])).default({}),
  /** Level-2 heading texts -> our KCS section names (`Symptoms: Symptom`, `Solution: Resolution`), case-insensitive. */
  headings: z.record(z.string(), z.string().min(1)).default({}),
  /** Patterns (case-insensitive, whole heading) of h2s that may become the Resolution section when an article has none. */
  resolutionFrom: z.array(patternSchema).default([]),
  /** What to do with a public article that still has no Resolution section: keep it, or make it internal for review. */
  missingResolution: z.enum(['keep', 'internal']).default('keep'),
  /** Base address for root-relative links (`/exchange/x`) and images that do not exist locally. */
  baseUrl: z.string().url().optional(),
  /** Source folders whose files are only included by others, never imported on their own. */
  includeFolders: z.array(z.string()).default(['includes']),
});

export type Mapping = z.infer<typeof mappingSchema>;
export type FieldRule = z.infer<typeof fieldSchema>;

/** Alert names that need no mapping. Our Callout knows only note, tip and warning. */
export const DEFAULT_ALERTS: Record<string, 'note' | 'tip' | 'warning'> = {
  note: 'note',
  tip: 'tip',
  important: 'warning',
  caution: 'warning',
  warning: 'warning',
};

/** Built-in mapping used without `--mapping`: common DocFX and help-center keys. */
export const DEFAULT_MAPPING: Mapping = mappingSchema.parse({
  fields: {
    title: 'title',
    description: 'summary',
    summary: 'summary',
    'ms.date': 'reviewed',
    updated_at: 'reviewed',
    'ms.author': 'owner',
    author: 'owner',
    label_names: 'tags',
    // the language: ms.contentlocale is what every file of a localized DocFX repository has
    'ms.contentlocale': 'lang',
    lang: 'lang',
    locale: 'lang',
    'ms.locale': 'lang',
    draft: {
      to: 'state',
      values: [
        { match: '^true$', to: 'draft' },
        { match: '^false$', to: 'validated' },
      ],
    },
  },
  // Help Center API fields that have no counterpart in our frontmatter.
  ignore: [
    'id',
    'url',
    'html_url',
    'author_id',
    'comments_disabled',
    'promoted',
    'position',
    'vote_sum',
    'vote_count',
    'section_id',
    'created_at',
    'edited_at',
    'source_locale',
    'outdated',
    'outdated_locales',
    'permission_group_id',
    'user_segment_id',
    'user_segment_ids',
    'content_tag_ids',
    'name',
  ],
  // no `lang` default: without a frontmatter key, a locale folder or a mapping default, the
  // language is recognised from the text (src/lib/import/detect-lang.ts)
  defaults: { level: 1, audience: 'public', state: 'validated', owner: 'kb-import', product: 'imported' },
  alerts: DEFAULT_ALERTS,
});

/** Reads and validates a mapping file; throws with the file name and each problem's key path. */
export function readMapping(file: string): Mapping {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read mapping ${file}: ${(error as Error).message}`, { cause: error });
  }
  const result = mappingSchema.safeParse(raw ?? {});
  if (!result.success) {
    const issues = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
    throw new Error(`Invalid mapping ${file}:\n${issues}`);
  }
  return mergeMapping(result.data);
}

/** A user mapping on top of the built-in one: user keys win, built-in defaults fill gaps. */
export function mergeMapping(user: Mapping): Mapping {
  return {
    ...user,
    fields: { ...DEFAULT_MAPPING.fields, ...user.fields },
    ignore: [...new Set([...DEFAULT_MAPPING.ignore, ...user.ignore])].filter((key) => !(key in user.fields)),
    defaults: { ...DEFAULT_MAPPING.defaults, ...user.defaults },
    alerts: { ...DEFAULT_ALERTS, ...user.alerts },
  };
}

/** The target fields and value rules of a field rule (one source key may fill several fields). */
export function fieldTargets(rule: FieldRule): { to: string; values?: { match: string; to: string | number | null }[] | undefined }[] {
  return (Array.isArray(rule) ? rule : [rule]).map((one) => (typeof one === 'string' ? { to: one } : one));
}
