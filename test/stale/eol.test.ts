import { describe, expect, it } from 'vitest';
import { EMPTY_LIFECYCLE } from '../../src/lib/lifecycle/read.ts';
import { taxonomySchema } from '../../src/lib/schema/taxonomy.ts';
import { eolProvider } from '../../src/lib/stale/providers/eol.ts';
import { fixtureLifecycle } from '../lifecycle/helpers.ts';
import { article, runProvider } from './helpers.ts';

const taxonomy = taxonomySchema.parse({
  products: [
    {
      id: 'mail',
      name: { en: 'Mail', de: 'Mail' },
      owners: ['@team'],
      versions: [
        { name: '2016', eol: '2025-10-14' },
        { name: '2019', eol: '2026-11-24' },
        { name: 'Online' },
        { name: 'Exchange Server 2013' },
        { name: 'Exchange Server SE' },
      ],
    },
  ],
});

describe('product-eol', () => {
  describe('with eol dates in taxonomy.yaml (still honoured: a local decision wins)', () => {
    const provider = eolProvider(taxonomy, EMPTY_LIFECYCLE);
    it('is an error when every listed version is past its end of support', async () => {
      const { reasons } = await runProvider(provider, [article('en/a', { versions: ['2016'] })], '2026-11-24');
      expect(reasons.get('en/a')).toEqual([
        {
          code: 'product-eol',
          message: 'Applies to 2016, which reached end of support on 2025-10-14.',
          severity: 'error',
          details: { product: 'mail', version: '2016', eol: '2025-10-14', source: 'taxonomy', othersSupported: false, path: 'content/articles/en/a.mdx' },
        },
      ]);
    });

    it('is only info when a supported version remains: the article still serves it', async () => {
      const { reasons } = await runProvider(provider, [article('en/a', { versions: ['2016', '2019'] })], '2026-11-01');
      expect(reasons.get('en/a')?.map((r) => [r.severity, r.message])).toEqual([
        ['info', 'Applies to 2016, which reached end of support on 2025-10-14; other listed versions are still supported, so remove it from the list.'],
      ]);
    });

    it('reports a version on its end day: support ends that day', async () => {
      expect((await runProvider(provider, [article('en/a', { versions: ['2019'] })], '2026-11-24')).reasons.size).toBe(1);
      expect((await runProvider(provider, [article('en/a', { versions: ['2019'] })], '2026-11-23')).reasons.size).toBe(0);
    });

    it('ignores versions nobody knows (kb check and kb lifecycle check report those)', async () => {
      const { reasons } = await runProvider(provider, [article('en/a', { versions: ['2003', 'Online'] })], '2026-11-24');
      expect(reasons.size).toBe(0);
    });
  });

  describe('with lifecycle data', () => {
    const provider = eolProvider(taxonomy, fixtureLifecycle());
    it('finds the end of a version the taxonomy lists without a date', async () => {
      const { reasons } = await runProvider(provider, [article('en/a', { versions: ['Exchange Server 2013'] })], '2026-11-24');
      expect(reasons.get('en/a')?.[0]).toMatchObject({ severity: 'error', details: { product: 'msexchange', eol: '2023-04-11', source: 'lifecycle' } });
    });

    it('reads imported applies-to texts (`Exchange Server 2010 Enterprise`, `Outlook 2016`)', async () => {
      const a = article('en/a', { versions: ['Exchange Server 2010 Enterprise', 'Outlook 2016'] });
      const { reasons } = await runProvider(provider, [a], '2026-11-24');
      expect(reasons.get('en/a')?.map((r) => r.message)).toEqual([
        'Applies to Exchange Server 2010 Enterprise, which reached end of support on 2020-10-13.',
        'Applies to Outlook 2016, which reached end of support on 2025-10-14.',
      ]);
    });

    it('does not report a list whose versions are all supported', async () => {
      const { reasons } = await runProvider(provider, [article('en/a', { versions: ['Exchange Server SE', 'Outlook 2024'] })], '2026-11-24');
      expect(reasons.size).toBe(0);
    });
  });
});
