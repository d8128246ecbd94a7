import { describe, expect, it } from 'vitest';
import { respell, umlautSpellings } from '../../src/lib/search/umlauts.ts';
import { rewriteQuery } from '../../src/lib/search/unmatched-words.ts';

describe('umlautSpellings', () => {
  it('reads ae, oe, ue and ss as German does without those keys, each pair either way', () => {
    expect(umlautSpellings('haengen')).toEqual(['hängen']);
    expect(umlautSpellings('strasse')).toEqual(['straße']);
    expect(umlautSpellings('zuruecksetzen')).toEqual(['zurücksetzen']);
    expect(umlautSpellings('ueberpruefen')).toEqual(expect.arrayContaining(['überprüfen', 'überpruefen', 'ueberprüfen']));
    expect(umlautSpellings('ueberpruefen')).toHaveLength(3);
  });

  it('has nothing for a word without such a pair', () => {
    expect(umlautSpellings('drucker')).toEqual([]);
    expect(umlautSpellings('')).toEqual([]);
  });
});

describe('respell', () => {
  const known = new Set(['hängen', 'zurücksetzen', 'überprüfen', 'druckaufträge', 'quelle']);

  it('gives the spelling the site knows', () => {
    expect(respell('haengen', known)).toBe('hängen');
    expect(respell('ueberpruefen', known)).toBe('überprüfen');
    expect(respell('druckauftraege', known)).toBe('druckaufträge');
  });

  it('gives nothing when no spelling is known (a real ue stays as typed)', () => {
    expect(respell('quelle', known)).toBeUndefined();
    expect(respell('xyzzyqq', known)).toBeUndefined();
  });
});

describe('rewriteQuery', () => {
  it('respells and drops words, in the order typed', () => {
    expect(rewriteQuery('Mein Kennwort zuruecksetzen', ['mein'], new Map([['zuruecksetzen', 'zurücksetzen']]))).toBe('kennwort zurücksetzen');
    expect(rewriteQuery('xyzzyqq', ['xyzzyqq'], new Map())).toBe('');
    expect(rewriteQuery('Drucker xyzzyqq offline', ['xyzzyqq'], new Map())).toBe('drucker offline');
  });
});
