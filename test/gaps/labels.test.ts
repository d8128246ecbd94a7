import { describe, expect, it } from 'vitest';
import { labelOf, PhraseBackground, titleRuns } from '../../src/lib/gaps/labels.ts';
import { isStopWord, stemOf } from '../../src/lib/gaps/text.ts';
import { redact } from '../../src/lib/redact.ts';

const de = (text: string) => ({ text, lang: 'de' });

describe('topic labels people read', () => {
  it('cuts titles into runs of words at stop words and punctuation, keeping hyphenated words whole', () => {
    const runs = titleRuns('Sehr geehrtes Support-Team: VPN-Störung seit dem Update, bitte um Klärung', 'de').map((run) => run.map((t) => t.word).join(' '));
    expect(runs).toEqual(['VPN-Störung', 'Update', 'Klärung']);
  });

  it('never makes a label of a redacted address or phone number', () => {
    // titles arrive redacted (the ticket reader redacts): placeholders are never words
    const runs = titleRuns(redact('Rückruf an max.muster@example.com wegen Drucker'), 'de')
      .flat()
      .map((t) => t.word);
    expect(runs).toEqual(['Rückruf', 'Drucker']);
  });

  it('labels a topic with the phrase its titles share, as they spell it', () => {
    const background = new PhraseBackground();
    const titles = [
      'VPN-Störung im Homeoffice',
      'VPN-Störung nach Update',
      'VPN-Störung seit Zertifikatswechsel',
      'Rechnung Klärung: Mahnung',
      'Rechnung Klärung zur Kostenstelle',
      'Drucker offline',
    ];
    for (const t of titles) background.add(t, 'de');
    expect(labelOf(titles.slice(0, 3).map(de), background)).toBe('VPN-Störung');
    expect(labelOf(titles.slice(3, 5).map(de), background)).toBe('Rechnung Klärung');
    expect(labelOf([de('Drucker offline'), de('Outlook startet nicht')], background)).toBeUndefined();
  });

  it('treats greetings and ticket boilerplate as stop words, in German and English', () => {
    for (const word of [
      'Sehr',
      'geehrtes',
      'freundlichen',
      'Grüßen',
      'Vielen',
      'Dank',
      'bitte',
      'mich',
      'hier',
      'wäre',
      'eines',
      'please',
      'regards',
      'Dears',
      'Greetings',
      'the',
    ])
      expect(isStopWord(word), word).toBe(true);
    for (const word of ['Drucker', 'VPN', 'Rechnung', 'printer', 'password', 'Störung']) expect(isStopWord(word), word).toBe(false);
    expect(stemOf('Störungen', 'de')).toBe(stemOf('Störung', 'de'));
  });
});
