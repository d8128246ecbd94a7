import { describe, expect, it } from 'vitest';
import { mentionsProvider } from '../../src/lib/stale/providers/mentions.ts';
import { reasonMessage } from '../../src/lib/stale/reason-text.ts';
import { fixtureLifecycle } from '../lifecycle/helpers.ts';
import { article, runProvider } from './helpers.ts';

const provider = mentionsProvider(fixtureLifecycle());
const withPositions = (a: ReturnType<typeof article>) => ({
  ...a,
  positionOf: (path: readonly (string | number)[]) => (path[0] === 'title' ? { line: 2, column: 8 } : { line: 9, column: 5 }),
});

describe('mentions-eol', () => {
  it('is an error when the title names only versions past their end, placed at the mention', async () => {
    const a = withPositions(article('en/a', { title: "Can't open mailbox on Exchange Server 2010" }));
    const { reasons } = await runProvider(provider, [a], '2024-04-12');
    expect(reasons.get('en/a')).toEqual([
      {
        code: 'mentions-eol',
        message: 'About Exchange Server 2010: Exchange Server 2010 reached end of support on 2020-10-13 (content/articles/en/a.mdx:2:30).',
        severity: 'error',
        details: {
          where: 'title',
          path: 'content/articles/en/a.mdx',
          line: 2,
          column: 30,
          count: 1,
          mentions: [{ text: 'Exchange Server 2010', product: 'msexchange', line: 2, column: 30, eol: '2020-10-13' }],
        },
      },
    ]);
  });

  it('is not reported before the end day', async () => {
    const a = article('en/a', { title: 'Outlook 2013 crashes' });
    expect((await runProvider(provider, [a], '2023-04-10')).reasons.size).toBe(0);
    expect((await runProvider(provider, [a], '2023-04-11')).reasons.size).toBe(1);
  });

  it('does not flag a title that also names a supported version, or a supported versions list', async () => {
    const mixed = article('en/a', { title: 'Move mailboxes from Exchange 2010 to Exchange Server SE' });
    const listed = article('en/b', { title: 'Outlook 2013 setup', versions: ['Outlook 2024'] });
    expect((await runProvider(provider, [mixed, listed], '2026-11-24')).reasons.size).toBe(0);
  });

  it('is a warning when nothing else names a version and the body names only ended ones, with the first place', async () => {
    const body = 'Intro\n\nOpen Internet Explorer.\nIn Internet Explorer, select Tools.\n';
    const a = article('en/a', { title: 'Pages show a certificate error' }, body);
    const { reasons } = await runProvider(provider, [a], '2023-01-01');
    expect(reasons.get('en/a')?.[0]).toMatchObject({
      code: 'mentions-eol',
      severity: 'warning',
      message: 'Only mentions Internet Explorer (2×): Internet Explorer reached end of support on 2022-06-14 (content/articles/en/a.mdx:12:6).',
      details: { where: 'body', line: 12, column: 6, count: 2 },
    });
  });

  it('leaves an article alone whose body mentions an old version next to a supported one', async () => {
    const body = 'Windows 7 devices must be upgraded to Windows 11. In Outlook, select File.';
    const a = article('en/a', { title: 'Upgrade old devices' }, body);
    expect((await runProvider(provider, [a], '2026-11-24')).reasons.size).toBe(0);
  });

  it('says which release a name without a version stands for', async () => {
    const lifecycle = fixtureLifecycle();
    const office = lifecycle.products.get('office')!;
    (lifecycle.products as Map<string, typeof office>).set('office', { ...office, names: [...office.names, { name: 'Office Button', cycle: '2010' }] });
    const a = article('en/a', { title: 'Save a copy' }, 'Click the Office Button.\nIn the Office Button menu, select Save As.\n');
    const reason = (await runProvider(mentionsProvider(lifecycle), [a], '2024-01-01')).reasons.get('en/a')?.[0];
    expect(reason?.message).toBe(
      'Only mentions Office Button (2×): Office Button (Microsoft Office 2010) reached end of support on 2020-10-13 (content/articles/en/a.mdx:10:11).',
    );
    expect(reasonMessage('de', reason!).text).toContain('der Support für Office Button (Microsoft Office 2010) endete am 13.10.2020');
  });

  it('reads German titles', async () => {
    const a = article('de/a', { title: 'Office 2010-Programme starten auf Windows 7-Geräten nicht' });
    const { reasons } = await runProvider(provider, [a], '2026-11-24');
    expect(reasons.get('de/a')?.[0]?.details?.['mentions']).toMatchObject([{ text: 'Office 2010' }, { text: 'Windows 7' }]);
  });
});
