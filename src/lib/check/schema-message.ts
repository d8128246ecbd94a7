import { dayHint } from '../dates.ts';

/**
 * Turns zod issues into messages a person can act on, shaped "Unexpected X, expected Y" and
 * prefixed by the field, with a hint (after Starlight's error map).
 */

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  errors?: Issue[][];
  minimum?: number | bigint;
  origin?: string;
  format?: string;
}

const EXPECTED: Record<string, string> = {
  level: '1, 2 or 3',
  'escalation.to': '2 or 3 (a higher level than the article)',
  reviewed: 'a date like 2026-11-24',
  product: 'a product id like `mail` (lowercase letters, digits, hyphens)',
  tags: 'a list of tag ids like [password, vpn]',
  error_codes: 'a list like [0x80070005]',
  tickets: 'a list of ticket ids like [INC0012345]',
  translation_key: 'an id like `printer-offline`',
};

const HINTS: Record<string, string> = {
  level: 'level is the lowest support level that can apply the resolution: 1 service desk, 2 technical analysis, 3 specialists.',
  audience: 'public articles are published for customers; internal ones only on the agent site.',
  state: 'draft is not built, validated is published, archived stays reachable with a banner.',
  lang: 'use the folder the article lives in: content/articles/en or content/articles/de.',
  reviewed: 'write the day of the last review without quotes, e.g. `reviewed: 2026-11-24`.',
  escalation: 'escalation needs `when` (the condition), `to` (2 or 3) and optionally `collect` (a list).',
  product: 'products are listed in content/taxonomy.yaml.',
  tags: 'tags are listed in content/taxonomy.yaml.',
};

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `\`${value}\``;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
  return `\`${JSON.stringify(value)}\``;
}

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  let node = raw;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function fieldName(path: PropertyKey[]): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
    .join('.')
    .replace(/\.\[/g, '[');
}

/** The message and hint for one schema issue; `raw` is the frontmatter as written. */
export function schemaMessage(issue: Issue, raw: unknown): { message: string; hint?: string } {
  const field = fieldName(issue.path);
  const key = issue.path.filter((p) => typeof p === 'string').join('.');
  const top = String(issue.path[0] ?? '');
  const value = valueAt(raw, issue.path);
  // a day gets the fix for the very value written (05.06.2024 -> 2024-06-05)
  const hint = key === 'reviewed' && typeof value === 'string' ? dayHint(value) : (HINTS[key] ?? HINTS[top]);
  const withHint = (message: string) => (hint ? { message, hint } : { message });
  let expected: string;
  if (EXPECTED[key]) expected = EXPECTED[key];
  else if (issue.values)
    expected = issue.values
      .map((v) => show(v))
      .join(', ')
      .replace(/, ([^,]*)$/, ' or $1');
  else if (issue.code === 'too_small' && issue.origin === 'string') expected = 'a non-empty text';
  else if (issue.code === 'too_small') expected = `a number above ${String(issue.minimum)}`;
  else if (issue.code === 'invalid_format') expected = issue.message;
  else if (issue.expected) expected = `a ${issue.expected}`;
  else expected = issue.message;
  // a missing field of any kind (zod reports a missing enum or union as a wrong value)
  if (value === undefined) return withHint(`Missing \`${field}\`, expected ${expected}`);
  return withHint(`Unexpected \`${field}\` value ${show(value)}, expected ${expected}`);
}
