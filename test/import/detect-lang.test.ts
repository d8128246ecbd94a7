import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectLanguage, formatLanguageCounts, languageFromFolder, textLanguage } from '../../src/lib/import/detect-lang.ts';
import { DEFAULT_MAPPING, mergeMapping, mappingSchema } from '../../src/lib/import/mapping.ts';
import { runImport } from '../../src/lib/import/run-import.ts';
import { textReport } from '../../src/lib/import/report.ts';
import { readTaxonomy } from '../../src/lib/content/taxonomy.ts';
import type { SourceDoc } from '../../src/lib/import/sources.ts';
import { ROOT } from '../helpers/paths.ts';

const INTUNE_DE = resolve(ROOT, 'test/fixtures/corpus/intune-de');
const OFFICE_EN = resolve(ROOT, 'test/fixtures/corpus/officedocs-support');
const work = mkdtempSync(join(tmpdir(), 'kb-lang-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function markdown(path: string, text: string): SourceDoc {
  return { name: path, path, kind: 'markdown', slug: 'x', text };
}

const GERMAN_BODY =
  'Wenn Sie das Gerät nicht registrieren können, ist das Kennwort für Ihr Konto nicht mehr gültig. Sie müssen sich bei der App erneut anmelden, damit Ihr Unternehmen auf die Daten zugreifen kann.';
const ENGLISH_BODY =
  'When you cannot enroll the device, the password of your account is no longer valid. You have to sign in to the app again so that your organization can access the data.';

describe('language of an imported article', () => {
  it('takes ms.contentlocale, lang or locale from the frontmatter first', () => {
    for (const key of ['ms.contentlocale', 'lang', 'locale', 'ms.locale']) {
      const found = detectLanguage(markdown('/kb/a.md', `---\n${key}: de-DE\n---\n${ENGLISH_BODY}`), DEFAULT_MAPPING, '/kb');
      expect(found).toEqual({ lang: 'de', signal: key });
    }
  });

  it('reads a locale folder between the imported folder and the file, and the imported folder itself', () => {
    expect(languageFromFolder('/src/kb/de-de/howto/a.md', '/src/kb')).toBe('de');
    expect(languageFromFolder('/src/IntuneDocs.de-de/intune/a.md', '/src/IntuneDocs.de-de')).toBe('de');
    expect(languageFromFolder('/src/kb/en_US/a.md', '/src/kb')).toBe('en');
    expect(languageFromFolder('/src/kb/de/a.md', '/src/kb')).toBe('de');
    // folders that only look like locales are not
    expect(languageFromFolder('/src/kb/my-app/a.md', '/src/kb')).toBeUndefined();
    expect(languageFromFolder('/src/intune-de/a.md', '/src/intune-de')).toBeUndefined();
    // folders above the imported one say nothing
    expect(languageFromFolder('/de-de/kb/a.md', '/de-de/kb')).toBeUndefined();
    const found = detectLanguage(markdown('/src/kb/de-de/a.md', `---\ntitle: A\n---\n${ENGLISH_BODY}`), DEFAULT_MAPPING, '/src/kb');
    expect(found).toEqual({ lang: 'de', signal: 'folder' });
  });

  it('prefers the mapping default to a guess from the text', () => {
    const mapping = mergeMapping(mappingSchema.parse({ defaults: { lang: 'en' } }));
    expect(detectLanguage(markdown('/kb/a.md', GERMAN_BODY), mapping, '/kb')).toEqual({ lang: 'en', signal: 'mapping default' });
  });

  it('recognises German and English prose by their stop words, ignoring code and links', () => {
    expect(textLanguage(GERMAN_BODY).lang).toBe('de');
    expect(textLanguage(ENGLISH_BODY).lang).toBe('en');
    expect(textLanguage(`${GERMAN_BODY}\n\n\`\`\`\n${ENGLISH_BODY.repeat(5)}\n\`\`\``).lang).toBe('de');
    // a title or a table of commands says nothing
    expect(textLanguage('Get-MgUser -All | Export-Csv users.csv').lang).toBeUndefined();
    const found = detectLanguage(markdown('/kb/a.md', `---\ntitle: A\n---\n${GERMAN_BODY}`), DEFAULT_MAPPING, '/kb');
    expect(found).toMatchObject({ lang: 'de', signal: 'text' });
  });

  it('falls back to English and says so when nothing decides', () => {
    expect(detectLanguage(markdown('/kb/a.md', '# Get-MgUser'), DEFAULT_MAPPING, '/kb')).toMatchObject({ lang: 'en', signal: 'default' });
  });

  it('recognises every article of the German Intune sample by its text alone', () => {
    const files = readdirSync(join(INTUNE_DE, 'intune-user-help')).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(join(INTUNE_DE, 'intune-user-help', file), 'utf8').replace(/ms\.contentlocale:.*\n/, '');
      expect(detectLanguage(markdown(file, text), DEFAULT_MAPPING, INTUNE_DE), file).toMatchObject({ lang: 'de', signal: 'text' });
    }
  });

  it('imports the German sample into articles/de and reports the language and its signal', async () => {
    const src = join(work, 'src');
    cpSync(INTUNE_DE, src, { recursive: true });
    // one English article in a locale folder, one German article without a key
    mkdirSync(join(src, 'en-us'));
    writeFileSync(join(src, 'en-us', 'sign-in.md'), `---\ntitle: Sign in\n---\n${ENGLISH_BODY}\n\n## Resolution\n\n${ENGLISH_BODY}\n`);
    writeFileSync(join(src, 'anmelden.md'), `---\ntitle: Anmelden\n---\n${GERMAN_BODY}\n\n## Lösung\n\n${GERMAN_BODY}\n`);
    const out = join(work, 'out');
    const result = await runImport({
      inputs: [src],
      outDir: out,
      mapping: DEFAULT_MAPPING,
      taxonomy: readTaxonomy(resolve(ROOT, 'content')),
      writeTaxonomy: true,
      history: false,
    });
    const sample = readdirSync(join(INTUNE_DE, 'intune-user-help')).filter((f) => f.endsWith('.md')).length;
    expect(result.languages).toEqual({ de: { 'ms.contentlocale': sample, text: 1 }, en: { folder: 1 } });
    expect(readdirSync(join(out, 'articles')).sort()).toEqual(['de', 'en']);
    expect(readFileSync(join(out, 'articles/de/anmelden.mdx'), 'utf8')).toMatch(/^lang: de$/m);
    expect(result.files.find((f) => f.source.endsWith('sign-in.md'))).toMatchObject({ id: 'en/sign-in', langFrom: 'folder' });
    expect(textReport(result)).toContain(`languages: de ${sample + 1} (ms.contentlocale ${sample}, text 1); en 1 (folder 1)`);
  });

  it('reports a language it cannot build as unsupported and uses the default', async () => {
    const src = join(work, 'fr');
    mkdirSync(join(src, 'fr-fr'), { recursive: true });
    writeFileSync(join(src, 'fr-fr', 'a.md'), `---\ntitle: A\n---\nTexte.\n`);
    const result = await runImport({
      inputs: [src],
      outDir: join(work, 'out-fr'),
      mapping: DEFAULT_MAPPING,
      taxonomy: readTaxonomy(resolve(ROOT, 'content')),
      writeTaxonomy: true,
      history: false,
      dryRun: true,
    });
    expect(result.languages).toEqual({ en: { unsupported: 1 } });
    expect(result.files[0]?.issues.map((i) => i.rule)).toContain('lang-unsupported');
    expect(formatLanguageCounts(result.languages)).toBe('en 1 (unsupported 1)');
  });

  it('keeps the English sample English', () => {
    const files = readdirSync(OFFICE_EN, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    for (const file of files) {
      const text = readFileSync(join(OFFICE_EN, file), 'utf8');
      expect(detectLanguage(markdown(file, text), DEFAULT_MAPPING, OFFICE_EN).lang, file).toBe('en');
    }
  });
});
