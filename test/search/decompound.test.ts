import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compoundParts, Vocabulary } from '../../src/lib/search/decompound.ts';
import { ROOT } from '../helpers/paths.ts';

// Every word a part must be occurs on its own in two texts, the last part capitalised inside a sentence.
const vocabulary = new Vocabulary([
  'Der Drucker steht in der Warteschlange. Der Benutzer hat ein Konto. Die Richtlinie für das Kennwort. Die Arbeit am Platz.',
  'Ein Drucker und eine Warteschlange. Ein Konto pro Benutzer. Jede Richtlinie, jedes Kennwort. Die Arbeit, der Platz. Der Kunde und das Postfach.',
  'Der Kunde hat ein Postfach. Das ist die Software von Microsoft, soft und micro. Führen Sie das aus. Führen Sie es aus.',
]);

describe('German compounds', () => {
  it('splits a compound into words the knowledge base uses on their own', () => {
    expect(vocabulary.split('Druckerwarteschlange')).toEqual(['drucker', 'warteschlange']);
    expect(vocabulary.split('Kennwortrichtlinie')).toEqual(['kennwort', 'richtlinie']);
  });

  it('drops linking elements (Fugen-s, -n)', () => {
    expect(vocabulary.split('Arbeitsplatz')).toEqual(['arbeit', 'platz']);
    expect(vocabulary.split('Kundenpostfach')).toEqual(['kunde', 'postfach']);
  });

  it('splits compounds of three words', () => {
    expect(vocabulary.split('Benutzerkontorichtlinie')).toEqual(['benutzer', 'konto', 'richtlinie']);
  });

  it('rejects parts that are not words of their own: micro/soft, a verb at a sentence start as the last part', () => {
    expect(vocabulary.split('Microsoft')).toBeUndefined();
    // "soft" and "micro" occur, but never capitalised as a noun inside a sentence
    expect(new Vocabulary(['Microsoft, soft, micro. Microsoft, soft, micro.']).split('microsoft')).toBeUndefined();
    // "Führen" is capitalised only where a sentence starts
    expect(vocabulary.split('Kontoführen')).toBeUndefined();
  });

  it('does not split an inflected word of a far more common one ("Kennwörter" is no "kenn" + "Wörter")', () => {
    const texts = [...Array.from({ length: 20 }, () => 'Das Kennwort ist neu.'), 'Ich kenn die Wörter.', 'Du kenn die Wörter.', 'Die Kennwörter.'];
    expect(new Vocabulary(texts).split('kennwörter')).toBeUndefined();
  });

  it('takes the longest head when a compound has more than two parts', () => {
    const texts = ['Unter dem Konto, das Unternehmen, der Bereich.', 'Unter dem Konto, das Unternehmen, der Bereich.', 'Ein Nehmen.', 'Ein Nehmen.'];
    expect(new Vocabulary(texts).split('unternehmensbereichskonto')).toEqual(['unternehmen', 'bereich', 'konto']);
  });

  it('rejects parts that occur in one text only', () => {
    const once = new Vocabulary(['Der Parameter und der Para und das Meter.', 'Der Parameter.']);
    expect(once.split('parameter')).toBeUndefined();
  });

  it('leaves words alone whose parts are not words of the knowledge base', () => {
    expect(vocabulary.split('Anmeldung')).toBeUndefined();
    expect(vocabulary.split('Drucker')).toBeUndefined();
  });

  it('lists the new parts of a text, not words it already contains', () => {
    expect(compoundParts('Die Druckerwarteschlange und der Drucker', vocabulary)).toEqual(['warteschlange']);
  });

  it('finds real parts and none of the known junk in the vendored Intune sample', () => {
    const dir = resolve(ROOT, 'test/fixtures/corpus/intune-de/intune-user-help');
    const texts = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    const sample = new Vocabulary(texts);
    const parts = new Set(texts.flatMap((t) => compoundParts(t, sample)));
    expect(sample.split('Geräteregistrierung')).toEqual(['gerät', 'registrierung']);
    for (const junk of ['micro', 'soft', 'ungs', 'ndes', 'para', 'meter']) expect(parts.has(junk), junk).toBe(false);
    // every part is a word the sample uses on its own
    for (const part of parts) expect(sample.has(part), part).toBe(true);
  });
});
