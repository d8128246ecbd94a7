import { describe, expect, it } from 'vitest';
import { schemaMessage } from '../../src/lib/check/schema-message.ts';
import { parseArticle, validateFrontmatter } from '../../src/lib/content/parse-article.ts';

const VALID: Record<string, string> = {
  title: 'Printer shows offline',
  summary: 'The printer is offline after an update.',
  level: '1',
  audience: 'public',
  product: 'printing',
  owner: '"@it-workplace"',
  lang: 'en',
};

/**
 * The messages `kb check` gives for a frontmatter: the article's fields with `changes` applied
 * (a value of undefined removes the field), through the real schema, as the schema rule calls it.
 */
function messages(changes: Record<string, string | undefined>): { message: string; hint?: string }[] {
  const fields = { ...VALID, ...changes };
  const yaml = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  const article = parseArticle(`---\n${yaml}\n---\n\nBody\n`, 'en/x.mdx', 'en/x');
  return validateFrontmatter(article).issues.map((issue) => schemaMessage({ ...issue.detail, path: issue.path, message: issue.message }, article.raw));
}

describe('schemaMessage', () => {
  it('says which field is missing and what it expects', () => {
    expect(messages({ level: undefined })).toEqual([{ message: 'Missing `level`, expected 1, 2 or 3', hint: expect.stringContaining('lowest support level') }]);
    expect(messages({ owner: undefined })[0]!.message).toBe('Missing `owner`, expected a string');
    // fields with a fixed set of values are missing too, not "value nothing"
    expect(messages({ audience: undefined })[0]!.message).toBe('Missing `audience`, expected `public` or `internal`');
    expect(messages({ lang: undefined })[0]!.message).toBe('Missing `lang`, expected `en` or `de`');
  });

  it('shows the value as written and the values the field allows', () => {
    expect(messages({ level: '4' })[0]!.message).toBe('Unexpected `level` value `4`, expected 1, 2 or 3');
    expect(messages({ audience: 'customers' })[0]!.message).toBe('Unexpected `audience` value `customers`, expected `public` or `internal`');
    expect(messages({ lang: 'fr' })[0]!.message).toBe('Unexpected `lang` value `fr`, expected `en` or `de`');
  });

  it('names list items by their index and nested fields by their path', () => {
    expect(messages({ tags: '[vpn, Remote Access]' })[0]!.message).toBe(
      'Unexpected `tags[1]` value `Remote Access`, expected a list of tag ids like [password, vpn]',
    );
    expect(messages({ escalation: '{ when: "never fixed", to: 1 }' })).toEqual([
      { message: 'Unexpected `escalation.to` value `1`, expected 2 or 3 (a higher level than the article)', hint: expect.stringContaining('`when`') },
    ]);
  });

  it('explains an empty text and a date that is not one', () => {
    expect(messages({ title: '""' })[0]!.message).toBe('Unexpected `title` value ``, expected a non-empty text');
    expect(messages({ reviewed: '2026-13-45' })[0]).toEqual({
      message: 'Unexpected `reviewed` value `2026-13-45`, expected a date like 2026-11-24',
      hint: '2026-13-45 has no month 13 (months are 01 to 12): write the day as YYYY-MM-DD, e.g. `reviewed: 2026-11-24`.',
    });
  });

  it('gives the hint of the field where there is one, and none where there is none', () => {
    expect(messages({ product: 'Printing' })[0]).toEqual({
      message: 'Unexpected `product` value `Printing`, expected a product id like `mail` (lowercase letters, digits, hyphens)',
      hint: 'products are listed in content/taxonomy.yaml.',
    });
    expect(messages({ review_every: '0' })[0]).toEqual({ message: 'Unexpected `review_every` value `0`, expected a number above 0' });
  });

  it('shows a value that is not text as JSON', () => {
    expect(messages({ state: '[draft]' })[0]!.message).toBe('Unexpected `state` value `["draft"]`, expected `draft`, `validated` or `archived`');
  });
});
