import { describe, expect, it } from 'vitest';
import { contentWords, excerptText, titleEnd, visibleExcerpt } from '../../src/lib/search/excerpt.ts';

// the shape of a Pagefind fragment's content: the title, the summary, then the sections
const content =
  'Access denied when opening a shared folder. Fix missing permissions on a department file share. Symptom. Opening the share fails with "Access is denied" and error 0x80070005. Cause. The user is not in the security group that owns the share.';
const words = contentWords(content);
const at = (word: string) => words.indexOf(word);

describe('visibleExcerpt', () => {
  it('starts after the title when no word of the text matched (a match in a hidden meta field)', () => {
    const excerpt = visibleExcerpt(content, [], { visibleFrom: 7, length: 12 });
    expect(excerptText(excerpt).startsWith('Fix missing permissions')).toBe(true);
    expect(excerpt.parts.some((p) => p.mark)).toBe(false);
    expect(excerpt.before).toBe(false);
    expect(excerpt.after).toBe(true);
  });

  it('marks the matches and centres the window on them', () => {
    const excerpt = visibleExcerpt(content, [{ location: at('security'), score: 2 }], { length: 8 });
    expect(excerpt.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['security']);
    expect(excerptText(excerpt)).toContain('security');
    expect(excerpt.before).toBe(true);
  });

  it('keeps the window inside the text when the match is near the end', () => {
    const last = words.length - 1;
    const excerpt = visibleExcerpt(content, [{ location: last, score: 1 }], { length: 10 });
    expect(excerpt.after).toBe(false);
    expect(excerptText(excerpt).endsWith(words[last]!)).toBe(true);
  });

  it('puts the spaces between words outside the marks', () => {
    const excerpt = visibleExcerpt(
      'one two three four',
      [
        { location: 1, score: 1 },
        { location: 2, score: 1 },
      ],
      { length: 4 },
    );
    expect(excerpt.parts).toEqual([
      { text: 'one ', mark: false },
      { text: 'two', mark: true },
      { text: ' ', mark: false },
      { text: 'three', mark: true },
      { text: ' four', mark: false },
    ]);
  });

  it('prefers the densest window of matches', () => {
    const text = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
    const matches = [5, 70, 72, 74].map((location) => ({ location, score: 1 }));
    const excerpt = visibleExcerpt(text, matches, { length: 10 });
    expect(excerpt.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['w70', 'w72', 'w74']);
  });

  it('never repeats the title, even when the title matched', () => {
    const excerpt = visibleExcerpt(
      content,
      [
        { location: 0, score: 5 },
        { location: at('share.'), score: 1 },
      ],
      { visibleFrom: 7, length: 10 },
    );
    expect(excerptText(excerpt)).not.toContain('Access denied when');
    expect(excerpt.parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['share.']);
  });

  it('shows a short page whole', () => {
    expect(excerptText(visibleExcerpt('a b c', [{ location: 2, score: 1 }]))).toBe('a b c');
  });
});

describe('titleEnd', () => {
  it('finds the title after a badge and ignores case and punctuation', () => {
    const words = contentWords('Internal: support staff only VPN split tunnel routes. Internal routing table');
    expect(titleEnd(words, 'VPN split tunnel routes')).toBe(8);
    expect(titleEnd(contentWords('Drucker wird als offline angezeigt. Einen'), 'Drucker wird als offline angezeigt')).toBe(5);
  });
  it('is 0 when the title is not near the start', () => {
    expect(titleEnd(contentWords('a b c d'), 'x y')).toBe(0);
    expect(titleEnd(contentWords('a b c d'), '')).toBe(0);
  });
});
