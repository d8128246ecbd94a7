import { describe, expect, it } from 'vitest';
import { cardFor, groupResults, hitLang, missingTranslation, rankHits, uniqueCount, type ResultPage } from '../../src/lib/search/result-cards.ts';

const en: ResultPage = { url: '/en/articles/printer-offline/', title: 'Printer shows as offline', lang: 'en', translationKey: 'printer-offline' };
const de: ResultPage = { url: '/de/articles/drucker-offline/', title: 'Drucker wird als offline angezeigt', lang: 'de', translationKey: 'printer-offline' };
const deOnly: ResultPage = { url: '/de/articles/kassensystem/', title: 'Kassensystem startet nicht', lang: 'de' };

describe('rankHits', () => {
  it('puts the page language first when scores are equal, and keeps Pagefind order otherwise', () => {
    const hits = [
      { id: 'de_1', score: 2 },
      { id: 'en_2', score: 2 },
      { id: 'en_3', score: 1.5 },
    ];
    expect(rankHits(hits, 'en').map((h) => h.id)).toEqual(['en_2', 'en_3', 'de_1']);
    expect(rankHits(hits, 'de').map((h) => h.id)).toEqual(['de_1', 'en_2', 'en_3']);
  });
  it('lets a much better other-language match stay ahead', () => {
    expect(rankHits([{ id: 'en_1', score: 1 }, { id: 'de_2', score: 3 }], 'en').map((h) => h.id)).toEqual(['de_2', 'en_1']);
  });
  it('reads the language from the page id', () => {
    expect(hitLang('de_cdb654c')).toBe('de');
    expect(hitLang('nolang')).toBe('');
  });
});

describe('one card per translated article', () => {
  it('counts a pair once when both versions matched', () => {
    expect(uniqueCount(5, { 'printer-offline': 2, other: 1, none: 0 })).toBe(4);
    expect(uniqueCount(3, undefined)).toBe(3);
  });

  it('groups the language versions and shows the preferred one with a link to the other', () => {
    const groups = groupResults([de, deOnly, en]);
    expect(groups.map((g) => g.members.length)).toEqual([2, 1]);
    const card = cardFor(groups[0]!, 'en');
    expect(card.main.url).toBe(en.url);
    expect(card.source).toBe(en);
    expect(card.sourceIsMain).toBe(true);
    expect(card.other).toEqual({ url: de.url, title: de.title, lang: 'de' });
    expect(missingTranslation(groups[0]!)).toBeUndefined();
  });

  it('links the preferred version even when only the other language matched', () => {
    const [group] = groupResults([de]);
    expect(missingTranslation(group!)).toBe('printer-offline');
    const card = cardFor(group!, 'en', { url: en.url, title: en.title, lang: 'en' });
    expect(card.main).toEqual({ url: en.url, title: en.title, lang: 'en' });
    // the excerpt still comes from the page that matched, and its headings are not offered
    expect(card.source).toBe(de);
    expect(card.sourceIsMain).toBe(false);
    expect(card.other?.url).toBe(de.url);
  });

  it('shows an article that exists in one language only as it is, without a language link', () => {
    const card = cardFor(groupResults([deOnly])[0]!, 'en');
    expect(card.main.lang).toBe('de');
    expect(card.other).toBeUndefined();
    expect(missingTranslation(groupResults([deOnly])[0]!)).toBeUndefined();
  });
});
