import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { htmlText } from '../helpers/dist.ts';

// The fixture site is built with KB_EVENTS=test/fixtures/feedback/events.ndjson (test/helpers/build-site.ts).
describe('knowledge-health page: reader feedback', () => {
  it('lists the least helpful articles and the searches without results, in both languages', () => {
    const en = htmlText(readFileSync(join(inject('fixtureSite'), 'internal/en/health/index.html'), 'utf8'));
    expect(en).toContain('Reader feedback and searches without results');
    expect(en.replaceAll('&quot;', '"')).toContain(
      '36 answers to "Did this solve your problem?", 8 searches without results, 2 contact requests (2 events rejected).',
    );
    expect(en).toMatch(/en\/mailbox-quota 0 % 4 0/);
    expect(en).toMatch(/drucker \/ leere \/ seiten? 4 drucker druckt leere seiten/);
    const de = htmlText(readFileSync(join(inject('fixtureSite'), 'internal/de/health/index.html'), 'utf8'));
    expect(de).toContain('Leser-Rückmeldungen und Suchen ohne Ergebnis');
  });

  it('is not built for customers', () => {
    expect(existsSync(join(inject('fixtureSite'), 'public/en/health/index.html'))).toBe(false);
  });
});
