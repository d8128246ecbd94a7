import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkStringify from 'remark-stringify';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import { stringify as stringifyYaml } from 'yaml';
import { parseMdxFast } from '../content/mdx.ts';
import { articleSchema } from '../schema/article.ts';
import type { TargetData } from './frontmatter.ts';

// resourceLink: MDX has no autolinks, `<https://...>` would be read as JSX.
const writer = unified().use(remarkGfm).use(remarkMdx).use(remarkStringify, { resourceLink: true, bullet: '-', emphasis: '_', rule: '-', fences: true });

const ORDER = [
  'title',
  'summary',
  'level',
  'audience',
  'state',
  'product',
  'versions',
  'tags',
  'error_codes',
  'owner',
  'reviewed',
  'review_every',
  'tickets',
  'lang',
  'translation_key',
  'escalation',
];

/** Our frontmatter in the schema's key order, then anything else the mapping produced. */
export function frontmatterYaml(data: TargetData): string {
  const ordered: Record<string, unknown> = {};
  for (const key of ORDER) if (data[key] !== undefined && !(Array.isArray(data[key]) && (data[key] as unknown[]).length === 0)) ordered[key] = data[key];
  for (const [key, value] of Object.entries(data)) if (!ORDER.includes(key) && value !== undefined) ordered[key] = value;
  return stringifyYaml(ordered, { lineWidth: 0 });
}

/** The whole `.mdx` file: frontmatter block and MDX body. */
export function serializeArticle(data: TargetData, tree: Root): string {
  const body = writer.stringify(tree);
  return `---\n${frontmatterYaml(data)}---\n\n${body}`;
}

/** Why an output would not pass `kb check`: MDX syntax with its place, or schema issues. */
export interface OutputProblem {
  rule: 'mdx-invalid' | 'schema-invalid';
  reason: string;
  line?: number | undefined;
  column?: number | undefined;
}

/** Parses the body as MDX and the frontmatter with the article schema, as `kb check` and Astro will. */
export function validateOutput(data: TargetData, mdx: string): OutputProblem[] {
  const problems: OutputProblem[] = [];
  const result = articleSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push({ rule: 'schema-invalid', reason: `${issue.path.join('.')}: ${issue.message}` });
  }
  try {
    parseMdxFast(mdx.replace(/^---\n[^]*?\n---\n/, (fm) => '\n'.repeat(fm.split('\n').length - 1)));
  } catch (error) {
    const e = error as { reason?: string; message: string; line?: number; column?: number };
    problems.push({ rule: 'mdx-invalid', reason: e.reason ?? e.message, line: e.line, column: e.column });
  }
  return problems;
}
