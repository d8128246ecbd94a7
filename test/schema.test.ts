import { describe, expect, it } from 'vitest';
import { articleSchema } from '../src/lib/schema/article.ts';
import { taxonomySchema } from '../src/lib/schema/taxonomy.ts';

const valid = {
  title: 'Printer shows as offline',
  summary: 'Bring it back online.',
  level: 1,
  audience: 'public',
  product: 'printing',
  owner: '@it-workplace',
  lang: 'en',
};

describe('article schema', () => {
  it('accepts a minimal article and fills defaults', () => {
    const data = articleSchema.parse(valid);
    expect(data.state).toBe('validated');
    expect(data.tags).toEqual([]);
    expect(data.error_codes).toEqual([]);
    expect(data.reviewed).toBeUndefined();
  });

  it('reads YAML dates and numeric ticket ids', () => {
    const data = articleSchema.parse({ ...valid, reviewed: '2026-03-01', tickets: [4711, 'INC0012345'] });
    expect(data.reviewed?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(data.tickets).toEqual(['4711', 'INC0012345']);
  });

  it.each([
    ['level', 4],
    ['level', '1'],
    ['audience', 'customers'],
    ['state', 'published'],
    ['lang', 'fr'],
    ['product', 'Mail Server'],
    ['reviewed', 'last week'],
    ['review_every', -5],
  ])('rejects %s = %j', (field, value) => {
    const result = articleSchema.safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
  });

  it('requires the escalation target to be a higher level', () => {
    const result = articleSchema.safeParse({ ...valid, escalation: { when: 'still broken', to: 1 } });
    expect(result.error?.issues[0]?.path).toEqual(['escalation', 'to']);
    expect(articleSchema.parse({ ...valid, escalation: { when: 'still broken', to: 2 } }).escalation?.collect).toEqual([]);
  });

  it('names each missing required field', () => {
    const result = articleSchema.safeParse({});
    const missing = result.error?.issues.map((i) => i.path.join('.')).sort();
    expect(missing).toEqual(['audience', 'lang', 'level', 'owner', 'product', 'summary', 'title']);
  });
});

describe('taxonomy schema', () => {
  it('needs owners and names in both languages', () => {
    const result = taxonomySchema.safeParse({ products: [{ id: 'mail', name: { en: 'Mail' }, owners: [] }] });
    const paths = result.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['products.0.name.de', 'products.0.owners']);
  });
});
