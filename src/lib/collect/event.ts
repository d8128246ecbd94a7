import { z } from 'astro/zod';
import { redact } from '../redact.ts';

/** Longest search query kept; longer ones are cut (queries are untrusted text typed by anyone). */
export const MAX_QUERY = 200;
/** Most events one request may carry (a batch is an array). */
export const MAX_BATCH = 20;

const articleId = z.string().regex(/^(?:en|de)\/[a-z0-9][a-z0-9/_-]{0,199}$/, 'expected an article id such as "en/printer-offline"');
const lang = z.enum(['en', 'de']);
const site = z.enum(['public', 'internal']);
// the query is cut before validation, so an overlong query is shortened rather than refused
const query = z
  .string()
  .transform((q) => cleanQuery(q))
  .pipe(z.string().min(1, 'expected a non-empty query'));

/** "Did this solve your problem?" answered on an article. */
const helpfulEvent = z.strictObject({
  type: z.literal('helpful'),
  site: site.default('public'),
  lang,
  article: articleId,
  helpful: z.boolean(),
});

/** A search that found nothing (`results: 0`) or whose results nobody opened (`clicked: false`). */
const searchEvent = z.strictObject({
  type: z.literal('search'),
  site: site.default('public'),
  lang,
  query,
  results: z.number().int().min(0).max(100_000),
  clicked: z.boolean().default(false),
});

/** The customer opened "Contact support", from an article or from an empty search. */
const contactEvent = z.strictObject({
  type: z.literal('contact'),
  site: site.default('public'),
  lang,
  article: articleId.optional(),
  query: query.optional(),
});

/** One demand event as a site sends it (sendBeacon body: one event or an array of them). */
export const eventSchema = z.discriminatedUnion('type', [helpfulEvent, searchEvent, contactEvent]);
export type DemandEventInput = z.input<typeof eventSchema>;
export type DemandEventBody = z.output<typeof eventSchema>;

/** A stored event: what the site sent plus the time the collector received it. No client data. */
export type DemandEvent = DemandEventBody & { at: string };

const batchSchema = z.array(eventSchema).min(1, 'expected at least one event').max(MAX_BATCH, `expected at most ${MAX_BATCH} events`);
const atSchema = z.iso.datetime({ offset: true, message: 'expected a time such as 2026-12-01T09:30:00Z' });

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** The body of a request, already JSON-parsed: one event or a batch of at most MAX_BATCH. */
export function parseBody(value: unknown): Parsed<DemandEventBody[]> {
  const result = Array.isArray(value) ? batchSchema.safeParse(value) : eventSchema.safeParse(value);
  if (!result.success) return { ok: false, message: describeIssues(result.error) };
  return { ok: true, value: Array.isArray(result.data) ? result.data : [result.data] };
}

/** One stored event (an NDJSON line of `kb collect --export`): an event plus its time `at`. */
export function parseStoredEvent(value: unknown): Parsed<DemandEvent> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, message: 'expected a JSON object' };
  const { at, ...rest } = value as Record<string, unknown>;
  const time = atSchema.safeParse(at);
  if (!time.success) return { ok: false, message: `at: ${time.error.issues[0]?.message ?? 'invalid'}` };
  const event = eventSchema.safeParse(rest);
  if (!event.success) return { ok: false, message: describeIssues(event.error) };
  return { ok: true, value: { ...event.data, at: new Date(time.data).toISOString() } };
}

// eslint-disable-next-line no-control-regex -- control characters are what cleanQuery removes from a query
const QUERY_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * Queries are typed by anyone: personal data (an e-mail address, a phone number) is replaced,
 * control characters and runs of spaces are squeezed, and the length is capped.
 */
export function cleanQuery(text: string): string {
  const flat = text.replace(QUERY_CONTROLS, ' ').replace(/\s+/g, ' ').trim();
  return redact(flat.slice(0, MAX_QUERY * 2))
    .slice(0, MAX_QUERY)
    .trim();
}

/** A zod error as one line: `0.article: expected an article id …`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`)
    .join('; ');
}
