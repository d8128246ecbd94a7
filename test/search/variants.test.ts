import { describe, expect, it } from 'vitest';
import { wordVariants } from '../../src/lib/search/variants.ts';

const known = new Set([
  'registrieren',
  'registriert',
  'registrierung',
  'konfigurieren',
  'konfiguration',
  'anmelden',
  'angemeldet',
  'löschen',
  'gelöscht',
  'hinzufügen',
  'hinzugefügt',
  'papiere',
]);

describe('word forms the German stemmer does not join', () => {
  it('joins every -ieren/-iert/-ierung form to the whole family', () => {
    for (const form of ['registrieren', 'registriert', 'registrierung', 'registrierte', 'registrierungen']) {
      expect(new Set([form, ...wordVariants(form, known)]), form).toEqual(expect.objectContaining({}));
      expect(wordVariants(form, known), form).toEqual(expect.arrayContaining(['registrieren', 'registriert', 'registrierung'].filter((f) => f !== form)));
    }
  });

  it('joins an -ation noun and its -ieren verb when the knowledge base uses both', () => {
    expect(wordVariants('konfiguration', known)).toEqual(expect.arrayContaining(['konfigurieren', 'konfiguriert', 'konfigurierung']));
    expect(wordVariants('konfigurieren', known)).toContain('konfiguration');
    expect(wordVariants('station', known)).toEqual([]);
  });

  it('joins a ge-participle and its infinitive only when both are in use', () => {
    expect(wordVariants('angemeldet', known)).toEqual(['anmelden']);
    expect(wordVariants('anmelden', known)).toEqual(['angemeldet']);
    expect(wordVariants('gelöscht', known)).toEqual(['löschen']);
    expect(wordVariants('hinzugefügt', known)).toEqual(['hinzufügen']);
    expect(wordVariants('gefunden', known)).toEqual([]);
  });

  it('invents no verbs for nouns that only end like one', () => {
    expect(wordVariants('papiere', known)).toEqual([]);
    expect(wordVariants('drucker', known)).toEqual([]);
  });
});
