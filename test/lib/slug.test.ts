import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/lib/slug.ts';
import { discoverSources } from '../../src/lib/import/sources.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('slugify', () => {
  it('transliterates German umlauts and ß instead of dropping them', () => {
    expect(slugify('Störung')).toBe('stoerung');
    expect(slugify('Geräteverwaltung')).toBe('geraeteverwaltung');
    expect(slugify('Straße ÜBER Öl')).toBe('strasse-ueber-oel');
  });
  it('drops other accents and joins words with single hyphens', () => {
    expect(slugify('Café — Mail & Calendar_sync')).toBe('cafe-mail-calendar-sync');
    expect(slugify('  --Hello--  ')).toBe('hello');
  });
  it('is empty without letters or digits, and at most 80 characters without a trailing hyphen', () => {
    expect(slugify('!!!')).toBe('');
    const long = slugify(`${'a'.repeat(79)} b`);
    expect(long).toBe('a'.repeat(79));
  });
});

describe('one rule for kb new and kb import', () => {
  it('names an imported file and its tags as kb new would', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-slug-'));
    writeFileSync(join(dir, 'Störung im Netz.md'), '# Störung im Netz\n');
    const { docs } = await discoverSources([dir], [], dir);
    expect(docs.map((d) => d.slug)).toEqual([slugify('Störung im Netz')]);
    expect(docs[0]!.slug).toBe('stoerung-im-netz');
  });
});
