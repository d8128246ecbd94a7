import { describe, expect, it } from 'vitest';
import { closest, closestKey, createSuggester, distance, suggestionTolerance } from '../../src/lib/suggest.ts';

describe('distance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(distance('printng', 'printing')).toBe(1);
    expect(distance('kitten', 'sitting')).toBe(3);
    expect(distance('', 'abc')).toBe(0 + 3);
  });
  it('gives up at max + 1', () => {
    expect(distance('abcdef', '123456', 2)).toBe(3);
    expect(distance('cat', 'cow', 5)).toBe(2);
  });
});

describe('suggestionTolerance', () => {
  it('allows about a third of the word, at least two edits', () => {
    expect(suggestionTolerance('vpn')).toBe(2);
    expect(suggestionTolerance('exchange-online')).toBe(5);
  });
});

describe('closest', () => {
  it('suggests the nearest candidate case-insensitively, the first one on a tie', () => {
    expect(closest('printers', ['mail', 'printer'])).toBe('printer');
    expect(closest('VPN', ['vpn'])).toBe('vpn');
    expect(closest('ab', ['ax', 'ay'])).toBe('ax');
  });
  it('prefers a later exact match over an earlier near one', () => {
    expect(closest('mail', ['maik', 'MAIL'])).toBe('MAIL');
  });
  it('suggests nothing beyond the tolerance', () => {
    expect(closest('network', ['printing', 'mail'])).toBeUndefined();
    expect(closest('printng', ['printing'], 0)).toBeUndefined();
  });
});

describe('closestKey', () => {
  const known = ['title', 'description', 'ms.date', 'appliesto', 'level'];
  it('reads typos of keys as the key: one edit for short keys, two from eight characters', () => {
    expect(closestKey('ms.dat', known)).toBe('ms.date');
    expect(closestKey('decription', known)).toBe('description');
    expect(closestKey('appleisto', known)).toBe('appliesto');
  });
  it('is stricter than a suggestion, because the guess is applied', () => {
    expect(closestKey('label', known)).toBeUndefined();
    expect(closest('label', known)).toBe('level');
  });
  it('is no typo when only the case differs', () => {
    expect(closestKey('Title', known)).toBeUndefined();
  });
});

describe('createSuggester', () => {
  const ids = ['en/printer-offline', 'en/vpn-reset', 'de/drucker'];
  it('finds ids one or two edits away through deletions', () => {
    const suggest = createSuggester(ids);
    expect(suggest('en/printer-ofline')).toBe('en/printer-offline');
    expect(suggest('en/vpn-rset')).toBe('en/vpn-reset');
  });
  it('gives the same answer as closest for a small candidate set', () => {
    const suggest = createSuggester(ids);
    for (const word of ['de/druker', 'en/vpm-reset', 'en/printer']) expect(suggest(word)).toBe(closest(word, ids));
  });
  it('does not scan above the limit', () => {
    expect(createSuggester(ids, 0)('en/printer')).toBeUndefined();
  });
});
