import { describe, expect, it } from 'vitest';
import { Vocabulary } from '../../src/lib/search/decompound.ts';
import { SynonymIndex } from '../../src/lib/search/synonyms.ts';
import { searchTerms } from '../../src/lib/search/terms.ts';
import { withoutUmlauts } from '../../src/lib/search/umlauts.ts';

describe('withoutUmlauts', () => {
  it('spells ä, ö, ü and ß as German does without those keys', () => {
    expect(withoutUmlauts('zurücksetzen')).toBe('zuruecksetzen');
    expect(withoutUmlauts('hängen')).toBe('haengen');
    expect(withoutUmlauts('öffnen')).toBe('oeffnen');
    expect(withoutUmlauts('straße')).toBe('strasse');
    expect(withoutUmlauts('Überprüfung')).toBe('Ueberpruefung');
  });

  it('has nothing to add for a word without umlaut or ß', () => {
    expect(withoutUmlauts('drucker')).toBeUndefined();
    expect(withoutUmlauts('')).toBeUndefined();
  });
});

describe('hidden search words of a German article', () => {
  const article = (lang: string) => ({
    body: 'Druckaufträge hängen in der Warteschlange. Öffnen Sie die Einstellungen.',
    data: { title: 'Passwort zurücksetzen', summary: 'Wenn das Konto gesperrt ist.', error_codes: [], lang },
  });
  const context = { vocabulary: new Vocabulary(), synonyms: new SynonymIndex([]) };

  it('hold the umlaut-free spelling of title and body words, so a customer without umlaut keys finds them', () => {
    const terms = searchTerms(article('de'), context);
    expect(terms.title.split(' ')).toContain('zuruecksetzen');
    expect(terms.body.split(' ')).toEqual(expect.arrayContaining(['druckauftraege', 'haengen', 'oeffnen']));
  });

  it('are not added to English articles', () => {
    const terms = searchTerms(article('en'), context);
    expect(`${terms.title} ${terms.body}`).not.toMatch(/ae|oe|ue/);
  });
});
