import { describe, expect, it } from 'vitest';
import { cardFor, groupResults, hitLang, loadCards, missingTranslation, rankHits, uniqueCount, type ResultPage } from '../../src/lib/search/result-cards.ts';

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
    expect(
      rankHits(
        [
          { id: 'en_1', score: 1 },
          { id: 'de_2', score: 3 },
        ],
        'en',
      ).map((h) => h.id),
    ).toEqual(['de_2', 'en_1']);
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

describe('loadCards: a page of cards', () => {
  // ten articles, the first three also translated: hits in rank order, partners further down
  const page = (id: string): ResultPage => {
    const [lang, n] = id.split('_') as ['en' | 'de', string];
    const paired = Number(n) < 3;
    return { url: `/${lang}/articles/a${n}/`, title: `${lang} ${n}`, lang, translationKey: paired ? `a${n}` : undefined };
  };
  const hits = [...Array.from({ length: 10 }, (_, i) => ({ id: `en_${i}`, score: 20 - i })), { id: 'de_0', score: 5 }, { id: 'de_1', score: 4 }];
  const fresh = () => ({ hits, loaded: 0, pages: [] as ResultPage[], total: uniqueCount(hits.length, { a0: 2, a1: 2, a2: 1 }), preferred: 'en' as const });

  it('loads only what a page needs and says there is more', async () => {
    const loaded: string[] = [];
    const results = fresh();
    const { shown, more } = await loadCards(
      results,
      4,
      async (hit) => (loaded.push(hit.id), page(hit.id)),
      async () => undefined,
    );
    expect(shown.map((c) => c.main.title)).toEqual(['en 0', 'en 1', 'en 2', 'en 3']);
    expect(loaded).toEqual(['en_0', 'en_1', 'en_2', 'en_3']);
    expect(more).toBe(true);
    expect(results.total).toBe(10);
  });

  it('shows more cards on the next page without repeating a translated article', async () => {
    const results = fresh();
    await loadCards(
      results,
      4,
      async (hit) => page(hit.id),
      async () => undefined,
    );
    const { shown, more } = await loadCards(
      results,
      14,
      async (hit) => page(hit.id),
      async () => undefined,
    );
    expect(shown).toHaveLength(10);
    expect(new Set(shown.map((c) => c.main.url)).size).toBe(10);
    // the German partners that matched further down joined their cards
    expect(shown[0]?.other?.url).toBe('/de/articles/a0/');
    expect(more).toBe(false);
  });

  it('looks up the other version of a translated article only when it did not match', async () => {
    const asked: string[] = [];
    await loadCards(
      fresh(),
      12,
      async (hit) => page(hit.id),
      async (key) => (asked.push(key), { url: `/de/articles/${key}/`, title: key, lang: 'de' }),
    );
    expect(asked).toEqual(['a2']);
  });
});
