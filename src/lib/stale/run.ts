import { readArticles } from '../content/read-articles.ts';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readTaxonomy } from '../content/taxonomy.ts';
import { versionWithoutEnd } from '../lifecycle/judge.ts';
import { EMPTY_LIFECYCLE, LIFECYCLE_DIR, readLifecycle, type Lifecycle } from '../lifecycle/read.ts';
import type { Lang, Level, State } from '../levels.ts';
import { partitionArticles, type StaleArticle } from './article.ts';
import { isoDay } from '../dates.ts';
import { readGitHistory } from './git-history.ts';
import { contentProviders } from './providers/index.ts';
import type { LinkTargets } from './providers/links.ts';
import type { StaleProvider, StaleReason, StaleWarning } from './reason.ts';
import { staleWarning } from './reason-text.ts';

export interface StaleOptions {
  contentDir: string;
  /** Project root: report paths are relative to it. */
  root: string;
  today: Date;
  /** Default days between reviews (config `reviewEvery`). */
  reviewEvery: number;
  /** false skips reading git history (and so `git-unchanged` and the git half of `translation-outdated`). */
  git?: boolean;
  gitMaxAge?: number | undefined;
  translationLag?: number | undefined;
  /** Lifecycle data folder (default `<contentDir>/lifecycle`); `false` runs without it. */
  lifecycleDir?: string | false | undefined;
  /** More providers, e.g. the ticket provider of `kb gaps`. */
  extraProviders?: StaleProvider<StaleArticle>[];
  /** Keep only articles with this owner (`@it-data` or `it-data`) or this product id. */
  owner?: string | undefined;
  product?: string | undefined;
}

/** One stale article in a report: `id`, `path` and `reasons` are the JSON contract; the rest is for grouping. */
export interface StaleEntry {
  id: string;
  path: string;
  title: string;
  lang: Lang;
  level: Level;
  owner: string;
  product: string;
  reasons: StaleReason[];
}

/** An article left out because its frontmatter is invalid (`kb check` explains it). */
export interface SkippedArticle {
  id: string;
  path: string;
  issues: { line: number; column: number; field: string; message: string }[];
}

export interface StaleReport {
  today: string;
  /** Published articles (state validated) that the rules looked at, after --owner/--product. */
  checked: number;
  /** Articles the rules leave alone on purpose, counted so nothing disappears silently. */
  ignored: Record<Exclude<State, 'validated'>, number>;
  skipped: SkippedArticle[];
  warnings: StaleWarning[];
  articles: StaleEntry[];
}

const SEVERITY = { error: 0, warning: 1, info: 2 } as const;

/**
 * Reads the content folder once, runs every provider over the published articles and merges
 * their reasons per article. `checked` returns the articles so the health page can chart them.
 */
export async function runStale(options: StaleOptions): Promise<{ report: StaleReport; checked: StaleArticle[] }> {
  const taxonomy = readTaxonomy(options.contentDir);
  const read = await readArticles(options.contentDir, options.root);
  const { valid, invalid } = partitionArticles(read);
  const index: LinkTargets = new Map(read.map((a) => [a.id, { state: a.data?.state, title: a.data?.title }]));
  const published = valid.filter((a) => a.data.state === 'validated');
  const history = options.git === false ? undefined : await readGitHistory(options.contentDir);
  const warnings: StaleWarning[] = [];
  if (options.git === false) {
    warnings.push(staleWarning('git-off', {}));
  }
  const lifecycle = loadLifecycle(options, taxonomy, warnings);
  const providers = [
    ...contentProviders({
      reviewEvery: options.reviewEvery,
      taxonomy,
      lifecycle,
      index,
      history,
      gitMaxAge: options.gitMaxAge,
      translationLag: options.translationLag,
    }),
    ...(options.extraProviders ?? []),
  ];

  const context = { articles: published, today: options.today, warn: (w: StaleWarning) => warnings.push(w) };
  const reasons = new Map<string, StaleReason[]>();
  for (const provider of providers) {
    for (const [id, found] of await provider(context)) reasons.set(id, [...(reasons.get(id) ?? []), ...found]);
  }

  const wanted = published.filter((a) => matches(a, options));
  const articles = wanted.flatMap((a): StaleEntry[] => {
    const found = reasons.get(a.id);
    if (!found?.length) return [];
    const sorted = [...found].sort((x, y) => SEVERITY[x.severity] - SEVERITY[y.severity]);
    const { title, lang, level, owner, product } = a.data;
    return [{ id: a.id, path: a.path, title, lang, level, owner, product, reasons: sorted }];
  });
  const report: StaleReport = {
    today: isoDay(options.today),
    checked: wanted.length,
    ignored: {
      draft: valid.filter((a) => a.data.state === 'draft' && matches(a, options)).length,
      archived: valid.filter((a) => a.data.state === 'archived' && matches(a, options)).length,
    },
    skipped: invalid.map((a) => ({
      id: a.id,
      path: a.path,
      issues: a.issues.map((i) => ({ line: i.position.line, column: i.position.column, field: i.path.join('.'), message: i.message })),
    })),
    warnings,
    articles,
  };
  return { report, checked: wanted };
}

function matches(article: StaleArticle, options: Pick<StaleOptions, 'owner' | 'product'>): boolean {
  const bare = (owner: string) => owner.replace(/^@/, '').toLowerCase();
  if (options.owner && bare(article.data.owner) !== bare(options.owner)) return false;
  if (options.product && article.data.product !== options.product) return false;
  return true;
}

/**
 * The lifecycle data, with run-level warnings when there is none or when taxonomy versions have
 * no end date anyone knows (their articles can never be reported as out of support).
 */
function loadLifecycle(options: StaleOptions, taxonomy: ReturnType<typeof readTaxonomy>, warnings: StaleWarning[]): Lifecycle {
  if (options.lifecycleDir === false) return EMPTY_LIFECYCLE;
  const dir = options.lifecycleDir ?? join(options.contentDir, LIFECYCLE_DIR);
  let lifecycle = EMPTY_LIFECYCLE;
  if (existsSync(dir)) lifecycle = readLifecycle(dir);
  else warnings.push(staleWarning('lifecycle-missing', { dir: relative(options.root, dir) || '.' }));
  const unknown = taxonomy.products.flatMap((p) =>
    p.versions.filter((v) => versionWithoutEnd(v.name, p.id, taxonomy, lifecycle)).map((v) => `${p.id}: ${v.name}`),
  );
  if (unknown.length) warnings.push(staleWarning('lifecycle-unknown-version', { versions: unknown }));
  return lifecycle;
}

/** Warnings that mean the git rules could not see (all or part of) the history. */
export const NO_HISTORY_WARNINGS = new Set(['git-off', 'git-unavailable', 'git-shallow']);
