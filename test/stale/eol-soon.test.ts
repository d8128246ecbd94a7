import { describe, expect, it } from 'vitest';
import { taxonomySchema } from '../../src/lib/schema/taxonomy.ts';
import { eolSoonProvider } from '../../src/lib/stale/providers/eol-soon.ts';
import { fixtureLifecycle } from '../lifecycle/helpers.ts';
import { article, runProvider } from './helpers.ts';

const taxonomy = taxonomySchema.parse({ products: [{ id: 'mail', name: { en: 'Mail', de: 'Mail' }, owners: ['@team'], versions: [] }] });
const provider = eolSoonProvider(taxonomy, fixtureLifecycle(), 90);
const at = (a: ReturnType<typeof article>) => ({
  ...a,
  positionOf: (path: readonly (string | number)[]) => (path[0] === 'title' ? { line: 2, column: 8 } : { line: 5 + Number(path[1]), column: 5 }),
});

describe('eol-soon', () => {
  it('warns when every listed version ends within the window, at the one that ends last', async () => {
    // Outlook 2013 ends 2023-04-11, Exchange Server 2013 on the same day
    const a = at(article('en/a', { versions: ['Outlook 2013', 'Exchange Server 2013'] }));
    const { reasons } = await runProvider(provider, [a], '2023-02-01');
    expect(reasons.get('en/a')).toEqual([
      {
        code: 'eol-soon',
        severity: 'warning',
        message:
          'Support for Outlook 2013 (and Exchange Server 2013) ends on 2023-04-11, in 69 days, and the article is about nothing supported longer: rewrite it for a current version or plan its retirement (content/articles/en/a.mdx:5:5).',
        details: {
          version: 'Outlook 2013',
          eol: '2023-04-11',
          inDays: 69,
          others: ['Exchange Server 2013'],
          path: 'content/articles/en/a.mdx',
          line: 5,
          column: 5,
        },
      },
    ]);
  });

  it('counts versions that have already ended as covered, and names only the open ones', async () => {
    const a = article('en/a', { versions: ['Outlook 2010', 'Outlook 2013'] });
    const { reasons } = await runProvider(provider, [a], '2023-03-01');
    expect(reasons.get('en/a')?.[0]?.details).toMatchObject({ version: 'Outlook 2013', others: [] });
  });

  it('says nothing when one version is supported beyond the window, or outside it', async () => {
    const mixed = article('en/a', { versions: ['Outlook 2013', 'Outlook 2016'] });
    const later = article('en/b', { versions: ['Outlook 2013'] });
    expect((await runProvider(provider, [mixed], '2023-02-01')).reasons.size).toBe(0);
    expect((await runProvider(provider, [later], '2022-12-31')).reasons.size).toBe(0);
  });

  it('leaves articles whose versions have all ended to product-eol', async () => {
    const a = article('en/a', { versions: ['Outlook 2013'] });
    expect((await runProvider(provider, [a], '2023-04-11')).reasons.size).toBe(0);
  });

  it('reads the title when versions: names nothing the data knows', async () => {
    const a = at(article('en/a', { title: 'Outlook 2013 asks for a password again and again' }));
    const { reasons } = await runProvider(provider, [a], '2023-03-12');
    expect(reasons.get('en/a')?.[0]).toMatchObject({ code: 'eol-soon', details: { version: 'Outlook 2013', inDays: 30, line: 2, column: 8 } });
  });

  it('ignores products that never end and a versions list nobody knows', async () => {
    const a = article('en/a', { title: 'Exchange Server SE mail flow', versions: ['Build 15'] });
    expect((await runProvider(provider, [a], '2026-11-24')).reasons.size).toBe(0);
  });
});
