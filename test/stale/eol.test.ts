import { describe, expect, it } from 'vitest';
import { taxonomySchema } from '../../src/lib/schema/taxonomy.ts';
import { eolProvider } from '../../src/lib/stale/providers/eol.ts';
import { article, runProvider } from './helpers.ts';

const taxonomy = taxonomySchema.parse({
  products: [
    {
      id: 'mail',
      name: { en: 'Mail', de: 'Mail' },
      owners: ['@team'],
      versions: [{ name: '2016', eol: '2025-10-14' }, { name: '2019', eol: '2026-11-24' }, { name: 'Online' }],
    },
  ],
});
const provider = eolProvider(taxonomy);

describe('product-eol', () => {
  it('is an error when every listed version is past its end of life', async () => {
    const { reasons } = await runProvider(provider, [article('en/a', { versions: ['2016'] })], '2026-11-24');
    expect(reasons.get('en/a')).toEqual([
      {
        code: 'product-eol',
        message: 'Applies to 2016, which reached end of life on 2025-10-14.',
        severity: 'error',
        details: { product: 'mail', version: '2016', eol: '2025-10-14' },
      },
    ]);
  });

  it('is a warning when a supported version remains', async () => {
    const { reasons } = await runProvider(provider, [article('en/a', { versions: ['2016', 'Online'] })], '2026-11-24');
    expect(reasons.get('en/a')?.map((r) => [r.severity, r.message])).toEqual([
      ['warning', 'Applies to 2016, which reached end of life on 2025-10-14 (other listed versions are still supported).'],
    ]);
  });

  it('does not report a version whose end of life is today', async () => {
    const { reasons } = await runProvider(provider, [article('en/a', { versions: ['2019'] })], '2026-11-24');
    expect(reasons.size).toBe(0);
  });

  it('ignores versions the taxonomy does not know (kb check reports those)', async () => {
    const { reasons } = await runProvider(provider, [article('en/a', { versions: ['2003'] })], '2026-11-24');
    expect(reasons.size).toBe(0);
  });
});
