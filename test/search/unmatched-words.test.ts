import { describe, expect, it } from 'vitest';
import { looserQueries, notInTermList, queryWords, unknownWords, unmatchedWords, wordsNotOnPages } from '../../src/lib/search/unmatched-words.ts';

// Pages as Pagefind's fragments give them: text and meta fields (kbterms holds the hidden words)
const mailbox = { content: 'Freigegebenes Postfach öffnen. Zeigen Sie mit der Maus darauf und wählen Sie X aus.', meta: { title: 'Freigegebenes Postfach' } };
const printer = {
  content: 'Der Drucker reagiert nicht. Starten Sie die Druckwarteschlange neu.',
  meta: { title: 'Drucker reagiert nicht', kbterms: 'warteschlange druck kennwort passwort' },
};
const running = { content: 'The service must run as an administrator.', meta: { title: 'Run the service' } };
const terms = ['drucker', 'postfach', 'outlook', 'out', 'running', 'service', 'warteschlange'];

describe('queryWords', () => {
  it('reads letters and digits as Pagefind does, lower-cased', () => {
    expect(queryWords('Drucker-Fehler ERR-80070643, „Störung“')).toEqual(['drucker', 'fehler', 'err', '80070643', 'störung']);
  });
});

describe('unmatchedWords', () => {
  it('names a nonsense word that Pagefind matched by a one-letter prefix', () => {
    expect(unmatchedWords('xyzzyqq', [mailbox], terms)).toEqual(['xyzzyqq']);
  });

  it('names a misspelling matched by a short word it begins with ("outlok" found as "out")', () => {
    expect(unmatchedWords('outlok', [{ content: 'Log out and back in.', meta: {} }], terms)).toEqual(['outlok']);
  });

  it('keeps words the pages hold as typed, by prefix or by stem', () => {
    expect(unmatchedWords('drucker', [printer], terms)).toEqual([]);
    expect(unmatchedWords('druckern reagiert', [printer], terms)).toEqual([]);
    expect(unmatchedWords('druck', [printer], terms)).toEqual([]);
  });

  it('keeps words matched through the hidden search words (compound parts, synonyms)', () => {
    expect(unmatchedWords('passwort warteschlange', [printer], [])).toEqual([]);
  });

  it('keeps a word whose stem is short when the term list knows it ("running" found as "run")', () => {
    expect(unmatchedWords('running', [running], terms)).toEqual([]);
    expect(unmatchedWords('running', [running], [])).toEqual(['running']);
  });

  it('keeps a word the term list leaves out when a result page holds it (code, rare words)', () => {
    expect(unmatchedWords('get-mailboxpermission', [{ content: 'Run Get-MailboxPermission -Identity x', meta: {} }], [])).toEqual([]);
  });

  it('names only the unknown word of a mixed query and never checks words of one or two letters', () => {
    expect(unmatchedWords('drucker xyzzyqq', [printer, mailbox], terms)).toEqual(['xyzzyqq']);
    expect(unmatchedWords('pc x', [mailbox], [])).toEqual([]);
  });

  it('is the pages step, then the term-list step (the UI fetches the list only when a word is left)', () => {
    expect(wordsNotOnPages('drucker xyzzyqq running', [printer, running])).toEqual(['xyzzyqq', 'running']);
    expect(notInTermList(['xyzzyqq', 'running'], terms)).toEqual(['xyzzyqq']);
  });
});

describe('unknownWords (a search that found nothing)', () => {
  const known = ['drucker', 'nicht', 'offline', 'druckwarteschlange', 'zuruecksetzen'];

  it('names the words of a sentence that no article has, so the others can still find something', () => {
    expect(unknownWords('Mein Drucker geht nicht', known)).toEqual(['mein', 'geht']);
  });

  it('keeps a word that starts a known word (Pagefind matches prefixes) and never drops one or two letters', () => {
    expect(unknownWords('druck ab zu offline', known)).toEqual([]);
  });

  it('names every word when none is known, so the search is left empty and offers "did you mean"', () => {
    expect(unknownWords('xyzzyqq plugh', known)).toEqual(['xyzzyqq', 'plugh']);
  });
});

describe('looserQueries (known words that no page has all of)', () => {
  // most common first, as the build writes the term list
  const known = ['ist', 'nicht', 'drucker', 'offline', 'druckwarteschlange'];

  it('leaves out the most common word first, then the next, until one word is left', () => {
    expect(looserQueries('drucker ist nicht offline', known)).toEqual(['drucker nicht offline', 'drucker offline', 'offline']);
  });

  it('leaves out words of one or two letters before any other, and words known only as a prefix last', () => {
    expect(looserQueries('druck zu ist', known)).toEqual(['druck ist', 'druck']);
  });

  it('has nothing looser for one word', () => {
    expect(looserQueries('drucker', known)).toEqual([]);
  });
});
