import { describe, expect, it } from 'vitest';
import { mentionMatcher } from '../../src/lib/lifecycle/mentions.ts';
import { fixtureLifecycle } from './helpers.ts';

const matcher = mentionMatcher(fixtureLifecycle());
const day = (m: { end?: { eol: unknown } | undefined }) => (m.end?.eol instanceof Date ? m.end.eol.toISOString().slice(0, 10) : m.end?.eol);
const found = (text: string) => matcher.find(text).map((m) => [m.text, m.product, day(m)]);

describe('product and version mentions', () => {
  it.each([
    ['Exchange Server 2010', 'msexchange', '2020-10-13'],
    ['Exchange 2013', 'msexchange', '2023-04-11'],
    ['Outlook 2013', 'office', '2023-04-11'],
    ['Windows 7', 'windows', '2020-01-14'],
    ['Windows 10', 'windows', '2025-10-14'],
    ['Internet Explorer 11', 'internet-explorer', '2022-06-14'],
    ['IE 11', 'internet-explorer', '2022-06-14'],
    ['IE11', 'internet-explorer', '2022-06-14'],
    ['SQL Server 2016 SP2', 'mssqlserver', '2022-10-11'],
    ['SQL Server 2016', 'mssqlserver', '2026-07-14'],
    ['Skype for Business 2015', 'skype-for-business', '2023-04-11'],
    ['Lync 2013', 'lync', '2023-04-11'],
    ['TicketDesk 4', 'ticketing', '2026-06-30'],
  ])('recognises %s', (text, product, eol) => {
    expect(found(`See ${text}.`)).toEqual([[text, product, eol]]);
  });

  it('reads a service pack the data does not list as its version line (its support ends no later)', () => {
    expect(found('Exchange Server 2010 Service Pack 2 and Exchange 2010 SP1')).toEqual([
      ['Exchange Server 2010 Service Pack 2', 'msexchange', '2020-10-13'],
      ['Exchange 2010 SP1', 'msexchange', '2020-10-13'],
    ]);
  });

  it('reads an edition between the name and the year: Office Professional Plus 2010, Excel Standard 2013', () => {
    expect(found('Office Professional Plus 2010, Excel Standard 2013 and Office Home and Business 2013')).toEqual([
      ['Office Professional Plus 2010', 'office', '2020-10-13'],
      ['Excel Standard 2013', 'office', '2023-04-11'],
      ['Office Home and Business 2013', 'office', '2023-04-11'],
    ]);
    // an edition word alone is no version
    expect(found('Exchange Standard edition')).toEqual([]);
  });

  it('reads German compounds: Windows 7-Geräte, Office 2010-Programme', () => {
    expect(found('Auf Windows 7-Geräten starten die Office 2010-Programme nicht.')).toEqual([
      ['Windows 7', 'windows', '2020-01-14'],
      ['Office 2010', 'office', '2020-10-13'],
    ]);
  });

  it('places each mention at its line and column, offset by where the text starts', () => {
    const mentions = matcher.find('Intro\n  Exchange Server 2010 and IE 11', { line: 7 });
    expect(mentions.map((m) => [m.text, m.line, m.column])).toEqual([
      ['Exchange Server 2010', 8, 3],
      ['IE 11', 8, 28],
    ]);
    expect(matcher.find('IE 11', { line: 3, column: 8 }).map((m) => [m.line, m.column])).toEqual([[3, 8]]);
  });

  it('takes the longest name at a place and pinned names without a version', () => {
    expect(found('Exchange Server SE')).toEqual([['Exchange Server SE', 'msexchange', false]]);
  });

  it('judges a bare name by its `bare` cycle, or by the whole product when every cycle has ended', () => {
    expect(found('Open Internet Explorer')).toEqual([['Internet Explorer', 'internet-explorer', '2022-06-14']]);
    expect(found('Sign in to Lync')).toEqual([['Lync', 'lync', '2023-04-11']]);
    // Outlook without a version: some Office is supported, so the mention says nothing
    expect(found('Open Outlook')).toEqual([['Outlook', 'office', '2029-10-09']]);
    expect(matcher.find('Open Outlook')[0]?.basis).toBe('product');
  });

  it('does not read other words or numbers as mentions', () => {
    // names without a version are kept (basis `product`): they say nothing while a cycle is supported
    expect(found('Office 365, Exchange Online, i.e. 11 items, Windows 10.0.19045, Outlook2013x, Windows')).toEqual([
      ['Office', 'office', '2029-10-09'],
      ['Windows', 'windows', '2027-10-12'],
      ['Windows', 'windows', '2027-10-12'],
    ]);
    expect(found('exchange 2010 (lowercase is a verb, not the product)')).toEqual([]);
  });

  it('leaves versions the data does not know unjudged', () => {
    expect(matcher.find('Exchange 2003')[0]).toMatchObject({ text: 'Exchange 2003', version: '2003', end: undefined });
  });
});
