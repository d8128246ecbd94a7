import { describe, expect, it } from 'vitest';
import { judgedMentions, judgeVersion, versionWithoutEnd } from '../../src/lib/lifecycle/judge.ts';
import { mentionMatcher } from '../../src/lib/lifecycle/mentions.ts';
import { taxonomySchema } from '../../src/lib/schema/taxonomy.ts';
import { fixtureLifecycle } from './helpers.ts';

const lifecycle = fixtureLifecycle();
const taxonomy = taxonomySchema.parse({
  products: [
    {
      id: 'mail',
      name: { en: 'E-mail', de: 'E-Mail' },
      owners: ['@it-messaging'],
      versions: [
        // a local decision: this shop keeps its Exchange 2019 under a support contract until 2027
        { name: 'Exchange Server 2019', eol: '2027-06-30' },
        { name: 'Exchange Server 2013' },
        { name: 'Exchange Online' },
        { name: 'Mail Gateway 3', eol: '2024-01-31' },
      ],
    },
    { id: 'browser', name: { en: 'Browser', de: 'Browser' }, owners: ['@it-workplace'], versions: [{ name: 'IE' }, { name: 'Lync' }] },
  ],
});

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const iso = (eol: unknown) => (eol instanceof Date ? eol.toISOString().slice(0, 10) : eol);

describe('judgeVersion', () => {
  it('takes an eol written in taxonomy.yaml over the lifecycle data', () => {
    const judged = judgeVersion('Exchange Server 2019', 'mail', taxonomy, lifecycle, day('2026-01-15'));
    // the lifecycle data ends Exchange 2019 on 2025-10-14; the taxonomy says 2027-06-30
    expect(judged).toMatchObject({ product: 'mail', source: 'taxonomy', ended: false });
    expect(iso(judged?.eol)).toBe('2027-06-30');
    expect(judgeVersion('Exchange Server 2019', 'mail', taxonomy, lifecycle, day('2027-07-01'))?.ended).toBe(true);
  });

  it('asks the lifecycle data when the taxonomy lists the version without a date', () => {
    const judged = judgeVersion('Exchange Server 2013', 'mail', taxonomy, lifecycle, day('2026-01-15'));
    expect(judged).toMatchObject({ text: 'Exchange Server 2013', product: 'msexchange', source: 'lifecycle', ended: true });
    expect(iso(judged?.eol)).toBe('2023-04-11');
  });

  it('counts the end day itself as ended', () => {
    expect(judgeVersion('Exchange Server 2013', 'mail', taxonomy, lifecycle, day('2023-04-10'))?.ended).toBe(false);
    expect(judgeVersion('Exchange Server 2013', 'mail', taxonomy, lifecycle, day('2023-04-11'))?.ended).toBe(true);
  });

  it('judges a version the taxonomy does not list when the lifecycle data knows it', () => {
    expect(judgeVersion('Windows 7', 'mail', taxonomy, lifecycle, day('2026-01-15'))).toMatchObject({ product: 'windows', source: 'lifecycle', ended: true });
  });

  it('treats a listed version nobody dates as supported (what the taxonomy has always meant)', () => {
    expect(judgeVersion('Exchange Online', 'mail', taxonomy, lifecycle, day('2026-01-15'))).toEqual({
      text: 'Exchange Online',
      product: 'mail',
      eol: false,
      ended: false,
      source: 'taxonomy',
    });
  });

  it('knows nothing about a version neither the taxonomy nor the lifecycle data knows', () => {
    expect(judgeVersion('Lotus Notes 9', 'mail', taxonomy, lifecycle, day('2026-01-15'))).toBeUndefined();
    // a version of another product in the taxonomy does not count for this one
    expect(judgeVersion('Mail Gateway 3', 'browser', taxonomy, lifecycle, day('2026-01-15'))).toBeUndefined();
  });

  it('keeps the vendor link of the lifecycle data, for the report to point at', () => {
    const linked = fixtureLifecycle();
    linked.products.get('lync')!.cycles[0]!.link = 'https://learn.microsoft.com/lifecycle/products/lync-server-2013';
    const judged = judgeVersion('Lync 2013', 'browser', taxonomy, linked, day('2026-01-15'));
    expect(judged).toMatchObject({ product: 'lync', ended: true, link: 'https://learn.microsoft.com/lifecycle/products/lync-server-2013' });
  });
});

describe('judgedMentions', () => {
  const mentions = (text: string, today: string) => judgedMentions(mentionMatcher(lifecycle).find(text), day(today)).map((m) => m.text);

  it('keeps every written version the data knows, ended or not', () => {
    expect(mentions('Upgrade from Exchange Server 2013 to Exchange Server 2019.', '2020-01-01')).toEqual(['Exchange Server 2013', 'Exchange Server 2019']);
  });

  it('drops a version the data does not know', () => {
    expect(mentions('Exchange Server 2031 is announced.', '2026-01-15')).toEqual([]);
  });

  it('keeps a product named without a version only once every cycle has ended', () => {
    expect(mentions('Open Lync and sign in.', '2026-01-15')).toEqual(['Lync']);
    expect(mentions('Open Lync and sign in.', '2023-01-15')).toEqual([]);
  });

  it('says nothing about a product without a version that is still supported', () => {
    expect(mentions('Open Outlook and sign in.', '2026-01-15')).toEqual([]);
  });

  it('keeps a name that stands for one cycle (IE means IE 11)', () => {
    expect(mentions('Open the page in IE.', '2026-01-15')).toEqual(['IE']);
  });
});

describe('versionWithoutEnd', () => {
  it('is false when the taxonomy dates the version', () => {
    expect(versionWithoutEnd('Mail Gateway 3', 'mail', taxonomy, lifecycle)).toBe(false);
  });

  it('is false when the lifecycle data recognises the version', () => {
    expect(versionWithoutEnd('Exchange Server 2013', 'mail', taxonomy, lifecycle)).toBe(false);
    expect(versionWithoutEnd('IE', 'browser', taxonomy, lifecycle)).toBe(false);
  });

  it('is true when nobody knows when the version ends', () => {
    expect(versionWithoutEnd('Exchange Online', 'mail', taxonomy, lifecycle)).toBe(true);
  });

  it('is true for a bare product name: it names no version whose end could be known', () => {
    expect(versionWithoutEnd('Lync', 'browser', taxonomy, lifecycle)).toBe(true);
  });
});
