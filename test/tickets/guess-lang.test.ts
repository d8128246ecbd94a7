import { describe, expect, it } from 'vitest';
import { guessLang } from '../../src/lib/tickets/row-mapper.ts';

describe('the language of a ticket without a language column', () => {
  it('counts common German and English words', () => {
    expect(guessLang('Der Drucker im 2. Stock druckt nicht, bitte prüfen, ob die Warteschlange hängt.')).toBe('de');
    expect(guessLang('The printer on the 2nd floor does not print; please check the queue.')).toBe('en');
    // the word, not a part of one: "Dieser", "thesis", "Android" count for neither language
    expect(guessLang('Dieser Android-Thesis-Server')).toBeUndefined();
  });

  it('decides by the majority and gives the same answer on every call', () => {
    const mixed = 'Hallo, the VPN is down and ich kann nicht arbeiten, die Verbindung ist weg.';
    expect(guessLang(mixed)).toBe('de');
    expect(guessLang(mixed)).toBe('de');
    expect(guessLang('VPN down. Please help, the tunnel drops and I cannot work with this.')).toBe('en');
  });

  it('falls back to umlauts, then to nothing, when the text says too little', () => {
    expect(guessLang('Kennwort geändert')).toBe('de');
    expect(guessLang('VPN 0x80070005')).toBeUndefined();
  });
});
