import { LEVELS, type Level } from '../levels.ts';
import type { StaleArticle } from './article.ts';
import { daysBetween } from '../dates.ts';
import { groupEntries, type EntryGroup } from './group.ts';
import { runStale, type StaleOptions, type StaleReport } from './run.ts';
import { actionList, type ActionRow } from './urgency.ts';

/** Review-age buckets of the health page: upper bounds in days (exclusive), then `never`. */
export const AGE_BUCKETS = [
  { id: 'lt90', min: 0, max: 90 },
  { id: '90-180', min: 90, max: 180 },
  { id: '180-365', min: 180, max: 365 },
  { id: '365-730', min: 365, max: 730 },
  { id: 'gte730', min: 730, max: Infinity },
] as const;

export type AgeBucketId = (typeof AGE_BUCKETS)[number]['id'] | 'never';

export interface AgeBucket {
  id: AgeBucketId;
  /** Lower bound in days (inclusive); undefined for `never`. */
  min?: number;
  /** Upper bound in days (exclusive); undefined for the open last bucket and `never`. */
  max?: number;
  count: number;
}

export interface LevelCount {
  level: Level;
  stale: number;
  total: number;
}

/** Everything the health page shows, computed with the same rules as `kb stale`. */
export interface HealthData {
  report: StaleReport;
  byOwner: EntryGroup[];
  byProduct: EntryGroup[];
  levels: LevelCount[];
  ages: AgeBucket[];
  /** Published articles per product, to show stale counts against the total. */
  productTotals: Map<string, number>;
  /** Every stale article once, most urgent first, translations next to each other. */
  actions: ActionRow[];
}

/** Days since the last review of every article, in the page's buckets. */
export function reviewAgeBuckets(articles: readonly StaleArticle[], today: Date): AgeBucket[] {
  const buckets: AgeBucket[] = [
    ...AGE_BUCKETS.map(({ id, min, max }) => ({ id, min, ...(Number.isFinite(max) ? { max } : {}), count: 0 })),
    { id: 'never', count: 0 },
  ];
  for (const article of articles) {
    const reviewed = article.data.reviewed;
    const days = reviewed ? Math.max(0, daysBetween(reviewed, today)) : undefined;
    const bucket = days === undefined ? buckets.at(-1) : buckets.find((b) => b.min !== undefined && days >= b.min && days < (b.max ?? Infinity));
    if (bucket) bucket.count++;
  }
  return buckets;
}

/** Runs the stale rules and shapes the result for the page. */
export async function healthData(options: StaleOptions): Promise<HealthData> {
  const { report, checked } = await runStale(options);
  const productTotals = new Map<string, number>();
  for (const a of checked) productTotals.set(a.data.product, (productTotals.get(a.data.product) ?? 0) + 1);
  return {
    report,
    byOwner: groupEntries(report.articles, 'owner'),
    byProduct: groupEntries(report.articles, 'product'),
    levels: LEVELS.map((level) => ({
      level,
      stale: report.articles.filter((e) => e.level === level).length,
      total: checked.filter((a) => a.data.level === level).length,
    })),
    ages: reviewAgeBuckets(checked, options.today),
    productTotals,
    actions: actionList(report.articles, new Map(checked.map((a) => [a.id, a.data.translation_key]))),
  };
}

const cache = new Map<string, Promise<HealthData>>();

/** `healthData` once per set of options: the page is rendered once per language from the same run. */
export function cachedHealthData(options: StaleOptions): Promise<HealthData> {
  const key = JSON.stringify({ ...options, extraProviders: options.extraProviders?.length ?? 0 });
  let data = cache.get(key);
  if (!data) {
    data = healthData(options);
    cache.set(key, data);
  }
  return data;
}
