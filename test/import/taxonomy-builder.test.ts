import { describe, expect, it } from 'vitest';
import type { TargetData } from '../../src/lib/import/frontmatter.ts';
import { IssueSink } from '../../src/lib/import/issues.ts';
import { DEFAULT_MAPPING, type Mapping } from '../../src/lib/import/mapping.ts';
import { TaxonomyBuilder } from '../../src/lib/import/taxonomy-builder.ts';
import { taxonomySchema, type Taxonomy } from '../../src/lib/schema/taxonomy.ts';

const base: Taxonomy = taxonomySchema.parse({
  products: [{ id: 'mail', name: { en: 'E-mail', de: 'E-Mail' }, owners: ['@it-messaging'], versions: [{ name: 'Exchange Server 2019' }] }],
  tags: [{ id: 'outlook', name: { en: 'Outlook', de: 'Outlook' } }],
});

const mapping: Mapping = { ...DEFAULT_MAPPING, defaults: { ...DEFAULT_MAPPING.defaults, product: 'mail', owner: '@kb-team' } };

function resolve(builder: TaxonomyBuilder, data: TargetData) {
  const sink = new IssueSink('doc.md');
  builder.resolve(data, mapping, sink);
  return { data, issues: sink.issues.map((i) => `${i.severity} ${i.rule}`), reasons: sink.issues.map((i) => i.reason) };
}

describe('TaxonomyBuilder', () => {
  describe('resolve, into a taxonomy that may grow (a separate content folder)', () => {
    it("adds an unknown product with a readable name and the article's owner, and keeps the article's product", () => {
      const builder = new TaxonomyBuilder(base, true);
      const { data, issues } = resolve(builder, { product: 'sharepoint-server', owner: '@it-collab', tags: [] });
      expect(data['product']).toBe('sharepoint-server');
      expect(issues).toEqual([]);
      expect(builder.toJSON().products.find((p) => p.id === 'sharepoint-server')).toEqual({
        id: 'sharepoint-server',
        name: { en: 'Sharepoint server', de: 'Sharepoint server' },
        owners: ['@it-collab'],
        versions: [],
      });
    });

    it("makes the mapping's default owner the owner of a new product when the article names none", () => {
      const builder = new TaxonomyBuilder(base, true);
      resolve(builder, { product: 'teams', tags: [] });
      expect(builder.toJSON().products.find((p) => p.id === 'teams')?.owners).toEqual(['@kb-team']);
    });

    it("adds unknown tags and the article's versions, each once", () => {
      const builder = new TaxonomyBuilder(base, true);
      resolve(builder, { product: 'mail', versions: ['Exchange Server 2016', 'Exchange Server 2019'], tags: ['outlook', 'calendar-sync'] });
      const { data } = resolve(builder, { product: 'mail', versions: ['Exchange Server 2016'], tags: ['calendar-sync'] });
      expect(data['tags']).toEqual(['calendar-sync']);
      const taxonomy = builder.toJSON();
      expect(taxonomy.products[0]!.versions.map((v) => v.name)).toEqual(['Exchange Server 2019', 'Exchange Server 2016']);
      expect(taxonomy.tags.map((t) => t.id)).toEqual(['outlook', 'calendar-sync']);
    });

    it('lists what it added, sorted, and nothing that was there before', () => {
      const builder = new TaxonomyBuilder(base, true);
      resolve(builder, { product: 'teams', tags: ['vpn', 'outlook'] });
      resolve(builder, { product: 'mail', tags: ['audio', 'vpn'] });
      resolve(builder, { product: 'exchange-online', tags: [] });
      expect(builder.newProducts()).toEqual(['exchange-online', 'teams']);
      expect(builder.newTags()).toEqual(['audio', 'vpn']);
    });

    it('leaves the taxonomy it started from unchanged', () => {
      const copy = structuredClone(base);
      const builder = new TaxonomyBuilder(base, true);
      resolve(builder, { product: 'teams', versions: ['2024'], tags: ['audio'] });
      resolve(builder, { product: 'mail', versions: ['Exchange Server 2016'], tags: [] });
      expect(base).toEqual(copy);
    });
  });

  describe("resolve, against a taxonomy that may not grow (the project's own)", () => {
    it("falls back to the mapping's default product for an unknown one, and reports it", () => {
      const builder = new TaxonomyBuilder(base, false);
      const { data, issues, reasons } = resolve(builder, { product: 'sharepoint-server', tags: [] });
      expect(data['product']).toBe('mail');
      expect(issues).toEqual(['warning taxonomy-product']);
      expect(reasons[0]).toContain('`sharepoint-server`');
      expect(builder.newProducts()).toEqual([]);
    });

    it('drops unknown tags, each reported, and keeps the known ones in order', () => {
      const builder = new TaxonomyBuilder(base, false);
      const { data, issues } = resolve(builder, { product: 'mail', tags: ['calendar-sync', 'outlook', 'audio'] });
      expect(data['tags']).toEqual(['outlook']);
      expect(issues).toEqual(['warning taxonomy-tag', 'warning taxonomy-tag']);
      expect(builder.newTags()).toEqual([]);
    });

    it("does not add versions to the project's taxonomy", () => {
      const builder = new TaxonomyBuilder(base, false);
      resolve(builder, { product: 'mail', versions: ['Exchange Server 2016'], tags: [] });
      expect(builder.toJSON()).toEqual(base);
    });

    it('leaves an article without a product or tags as it is, with an empty tag list', () => {
      const builder = new TaxonomyBuilder(base, false);
      const { data, issues } = resolve(builder, {});
      expect(data).toEqual({ tags: [] });
      expect(issues).toEqual([]);
    });
  });
});
