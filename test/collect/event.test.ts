import { describe, expect, it } from 'vitest';
import { MAX_BATCH, MAX_QUERY, cleanQuery, parseBody, parseStoredEvent } from '../../src/lib/collect/event.ts';

describe('demand events', () => {
  it('accepts the three kinds the sites send and fills defaults', () => {
    const parsed = parseBody([
      { type: 'helpful', lang: 'en', article: 'en/printer-offline', helpful: false },
      { type: 'search', lang: 'de', query: 'drucker', results: 0 },
      { type: 'contact', site: 'internal', lang: 'en', article: 'en/printer-offline', query: 'printer' },
    ]);
    expect(parsed).toEqual({
      ok: true,
      value: [
        { type: 'helpful', site: 'public', lang: 'en', article: 'en/printer-offline', helpful: false },
        { type: 'search', site: 'public', lang: 'de', query: 'drucker', results: 0, clicked: false },
        { type: 'contact', site: 'internal', lang: 'en', article: 'en/printer-offline', query: 'printer' },
      ],
    });
  });

  it('rejects unknown fields, so nothing about the client can be smuggled in', () => {
    const parsed = parseBody({ type: 'helpful', lang: 'en', article: 'en/a', helpful: true, userAgent: 'Mozilla', ip: '10.0.0.1' });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(/Unrecognized keys/);
  });

  it('names the field that is wrong', () => {
    expect(parseBody({ type: 'helpful', lang: 'fr', article: 'en/a', helpful: true })).toEqual({ ok: false, message: expect.stringMatching(/^lang: /) });
    expect(parseBody({ type: 'helpful', lang: 'en', article: '../../etc/passwd', helpful: true })).toEqual({
      ok: false,
      message: expect.stringMatching(/^article: expected an article id/),
    });
    expect(parseBody({ type: 'rating', lang: 'en' }).ok).toBe(false);
    expect(parseBody('text').ok).toBe(false);
    expect(parseBody([]).ok).toBe(false);
  });

  it('takes at most a batch of MAX_BATCH events', () => {
    const one = { type: 'search', lang: 'en', query: 'x', results: 0 };
    expect(parseBody(Array(MAX_BATCH).fill(one)).ok).toBe(true);
    expect(parseBody(Array(MAX_BATCH + 1).fill(one)).ok).toBe(false);
  });

  it('redacts personal data in queries, flattens control characters and caps the length', () => {
    expect(cleanQuery('my mail anna.muster@example.com\u0000 and +49 170 1234567\n')).toBe('my mail [email] and [phone]');
    expect(cleanQuery('x'.repeat(5000))).toHaveLength(MAX_QUERY);
    const parsed = parseBody({ type: 'search', lang: 'en', query: `vpn ${'y'.repeat(1000)}`, results: 0 });
    expect(parsed.ok && parsed.value[0]?.type === 'search' && parsed.value[0].query.length).toBe(MAX_QUERY);
    expect(parseBody({ type: 'search', lang: 'en', query: ' \n ', results: 0 }).ok).toBe(false);
  });

  it('reads stored events with their time and refuses lines without one', () => {
    expect(parseStoredEvent({ at: '2026-12-01T10:00:00+01:00', type: 'helpful', lang: 'en', article: 'en/a', helpful: true })).toEqual({
      ok: true,
      value: { at: '2026-12-01T09:00:00.000Z', type: 'helpful', site: 'public', lang: 'en', article: 'en/a', helpful: true },
    });
    expect(parseStoredEvent({ type: 'helpful', lang: 'en', article: 'en/a', helpful: true })).toEqual({ ok: false, message: expect.stringMatching(/^at: /) });
    expect(parseStoredEvent([1])).toEqual({ ok: false, message: 'expected a JSON object' });
  });
});
