import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSynonyms, readSynonyms, SynonymIndex } from '../../src/lib/search/synonyms.ts';
import { runCheck } from '../../src/lib/check/run.ts';
import { ROOT } from '../helpers/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'kb-synonyms-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('content/synonyms.yaml', () => {
  it('the project file is valid and has German and English groups', () => {
    const synonyms = readSynonyms(resolve(ROOT, 'content'));
    expect(synonyms.de).toContainEqual(['kennwort', 'passwort']);
    expect(synonyms.en.length).toBeGreaterThan(0);
  });

  it('reads groups per language, lower-cased', () => {
    const { synonyms, problems } = parseSynonyms('de:\n  - [Kennwort, Passwort]\nen:\n  - [password, passphrase]\n');
    expect(problems).toEqual([]);
    expect(synonyms).toEqual({ de: [['kennwort', 'passwort']], en: [['password', 'passphrase']] });
  });

  it('points at the value of each problem with line and column', () => {
    const text = ['de:', '  - [kennwort, passwort]', '  - [Passwort, pin]', '  - [sign in, login]', '  - [handy]', 'fr: []', ''].join('\n');
    expect(parseSynonyms(text).problems).toMatchInlineSnapshot(`
      [
        {
          "column": 6,
          "line": 3,
          "message": "de[1][0]: Unexpected \`passwort\` again, expected each word in one group only (it is in group 1 already)",
        },
        {
          "column": 6,
          "line": 4,
          "message": "Unexpected \`"sign in"\` at de[2][0], expected one word of letters and digits (no spaces or hyphens: Pagefind splits those itself)",
        },
        {
          "column": 5,
          "line": 5,
          "message": "Unexpected \`["handy"]\` at de[3], expected a group of at least two words",
        },
        {
          "column": 1,
          "line": 6,
          "message": "Unexpected key \`fr\`, expected de and en",
        },
      ]
    `);
  });

  it('reports broken YAML with its place', () => {
    const [problem] = parseSynonyms('de:\n  - [kennwort, passwort\n').problems;
    expect(problem).toMatchObject({ line: 3, column: 1 });
    expect(problem?.message).toMatch(/^Unexpected YAML/);
  });

  it('kb check reports a bad synonyms file as file:line:col errors', async () => {
    const content = join(work, 'content');
    cpSync(resolve(ROOT, 'test/fixtures/check/cases/valid--umlaut-anchor'), content, { recursive: true, filter: (src) => !src.endsWith('expected.txt') });
    cpSync(resolve(ROOT, 'test/fixtures/check/taxonomy.yaml'), join(content, 'taxonomy.yaml'));
    writeFileSync(join(content, 'synonyms.yaml'), 'de:\n  - [kennwort]\n');
    const result = await runCheck({ contentDir: content, root: work });
    expect(result.findings).toEqual([
      expect.objectContaining({ file: 'content/synonyms.yaml', line: 2, column: 5, severity: 'error', message: expect.stringMatching(/at least two words/) }),
    ]);
    expect(readFileSync(join(content, 'synonyms.yaml'), 'utf8')).toContain('kennwort');
  });
});

describe('synonyms of a word in the text', () => {
  const index = new SynonymIndex([
    ['kennwort', 'passwort'],
    ['handy', 'smartphone', 'mobiltelefon'],
  ]);

  it('finds the group of inflected forms and umlaut spellings', () => {
    expect(index.of('kennwort')).toEqual(['passwort']);
    expect(index.of('kennwörter')).toEqual(['passwort']);
    expect(index.of('kennwortes')).toEqual(['passwort']);
    expect(index.of('smartphones')).toEqual(['handy', 'mobiltelefon']);
  });

  it('has nothing for words of no group', () => {
    expect(index.of('drucker')).toEqual([]);
    expect(index.of('kenn')).toEqual([]);
  });
});
