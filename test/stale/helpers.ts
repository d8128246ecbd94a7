import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { articleSchema } from '../../src/lib/schema/article.ts';
import type { StaleArticle } from '../../src/lib/stale/article.ts';
import type { StaleProvider, StaleWarning } from '../../src/lib/stale/reason.ts';
import { parseDay } from '../../src/lib/dates.ts';

export const FIXTURE_CONTENT = fileURLToPath(new URL('../fixtures/stale/content', import.meta.url));
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A day that must parse; tests use fixed days so results do not depend on the clock. */
export function day(text: string): Date {
  const date = parseDay(text);
  if (!date) throw new Error(`bad test day ${text}`);
  return date;
}

/** A valid article in memory: frontmatter goes through the real schema, like read articles do. */
export function article(id: string, frontmatter: Record<string, unknown> = {}, body = ''): StaleArticle {
  const [lang = 'en'] = id.split('/');
  const data = articleSchema.parse({
    title: `Title of ${id}`,
    summary: 'Summary.',
    level: 1,
    audience: 'public',
    product: 'mail',
    owner: '@team',
    lang,
    ...frontmatter,
  });
  return { id, file: `/content/articles/${id}.mdx`, path: `content/articles/${id}.mdx`, data, body, bodyStartLine: 10 };
}

/** Runs one provider and returns its reasons per id, plus the warnings it raised. */
export async function runProvider(provider: StaleProvider<StaleArticle>, articles: StaleArticle[], today: string) {
  const warnings: StaleWarning[] = [];
  const reasons = await provider({ articles, today: day(today), warn: (w) => warnings.push(w) });
  return { reasons, warnings };
}

/** git in a temp repository with a fixed identity and dates, so commits can be made "in the past". */
export function git(cwd: string, args: string[], date?: string): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
  if (date) Object.assign(env, { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` });
  return execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'protocol.file.allow=always', ...args], { cwd, env, encoding: 'utf8' });
}
