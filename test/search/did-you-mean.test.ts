import { describe, expect, it } from 'vitest';
import { createDidYouMean } from '../../src/lib/search/did-you-mean.ts';
import { searchTermList } from '../../src/lib/search/term-list.ts';
import { Vocabulary } from '../../src/lib/search/decompound.ts';
import { SynonymIndex } from '../../src/lib/search/synonyms.ts';

const terms = ['gerät', 'drucker', 'kennwort', 'passwort', 'registrieren', 'warteschlange', 'zurücksetzen', 'vergessen', 'druck'];
const didYouMean = createDidYouMean(terms);

describe('did you mean', () => {
  it('replaces unknown words by the nearest known word', () => {
    expect(didYouMean('kenwort vergesen')).toBe('kennwort vergessen');
    expect(didYouMean('drukcer')).toBe('drucker');
    expect(didYouMean('registriren')).toBe('registrieren');
  });

  it('keeps words the index finds as typed, by prefix or with an ending', () => {
    expect(didYouMean('kennwort')).toBeUndefined();
    expect(didYouMean('warte')).toBeUndefined();
    expect(didYouMean('druckern')).toBeUndefined();
    expect(didYouMean('kennwort 0x80070005')).toBeUndefined();
  });

  it('leaves out a word with no near neighbour, and offers nothing when nothing is left', () => {
    expect(didYouMean('kenwort xylophon')).toBe('kennwort');
    expect(didYouMean('xylophon')).toBeUndefined();
  });
});

describe('the term list for did you mean', () => {
  const article = (title: string, body: string, lang = 'de') => ({ body, data: { title, summary: '', error_codes: [], lang } });
  const vocabulary = new Vocabulary(['Der Drucker und die Warteschlange.', 'Ein Drucker, eine Warteschlange.']);
  const context = { vocabulary, synonyms: new SynonymIndex([['kennwort', 'passwort']]) };

  it('lists the words of the articles and their hidden search words, most common first', () => {
    const list = searchTermList([article('Druckerwarteschlange leeren', 'Das Kennwort des Druckers.'), article('Drucker', 'Der Drucker druckt.')], context);
    expect(list[0]).toBe('drucker');
    expect(list).toEqual(expect.arrayContaining(['warteschlange', 'passwort', 'kennwort', 'leeren']));
    // words of fewer than three letters are not worth suggesting
    expect(list.every((w) => w.length >= 3)).toBe(true);
  });

  it('takes no words from code or links', () => {
    const list = searchTermList([article('Drucker', 'Siehe [Hilfe](https://example.com/geheimwort) und `geheimcode`.')], context);
    expect(list).not.toContain('geheimwort');
    expect(list).not.toContain('geheimcode');
  });
});
