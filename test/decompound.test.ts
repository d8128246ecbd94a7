import { describe, expect, it } from 'vitest';
import { buildVocabulary, compoundParts, splitCompound } from '../src/lib/search/decompound.ts';

const vocabulary = buildVocabulary([
  'Der Drucker steht in der Warteschlange. Das Konto des Benutzers. Die Richtlinie für das Kennwort.',
  'Der Arbeitsplatz hat einen Platz. Die Arbeit ist getan. Der Kunde hat ein Postfach.',
]);

describe('German compounds', () => {
  it('splits a compound into words the knowledge base knows', () => {
    expect(splitCompound('Druckerwarteschlange', vocabulary)).toEqual(['drucker', 'warteschlange']);
    expect(splitCompound('Kennwortrichtlinie', vocabulary)).toEqual(['kennwort', 'richtlinie']);
  });

  it('drops linking elements (Fugen-s, -n)', () => {
    expect(splitCompound('Arbeitsplatz', vocabulary)).toEqual(['arbeit', 'platz']);
    expect(splitCompound('Kundenpostfach', vocabulary)).toEqual(['kunde', 'postfach']);
  });

  it('splits compounds of three words', () => {
    expect(splitCompound('Benutzerkontorichtlinie', buildVocabulary(['Benutzer Konto Richtlinie']))).toEqual(['benutzer', 'konto', 'richtlinie']);
  });

  it('leaves words alone whose parts are not words of the knowledge base', () => {
    expect(splitCompound('Anmeldung', vocabulary)).toBeUndefined();
    expect(splitCompound('Drucker', vocabulary)).toBeUndefined();
  });

  it('lists the new parts of a text, not words it already contains', () => {
    expect(compoundParts('Die Druckerwarteschlange und der Drucker', vocabulary)).toEqual(['warteschlange']);
  });
});
