import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readMapping } from '../../src/lib/import/mapping.ts';
import { ROOT } from '../helpers/paths.ts';
import { FIXTURES } from './convert.ts';

describe('mapping file', () => {
  it('rejects a bad mapping with each problem at its key path', () => {
    const file = resolve(FIXTURES, 'mapping/bad.yaml');
    expect(() => readMapping(file)).toThrowError(`Invalid mapping ${file}:`);
    let message = '';
    try {
      readMapping(file);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(
      message
        .split('\n')
        .slice(1)
        .map((l) => l.split(':')[0]!.trim()),
    ).toEqual(['fields.appliesto', 'titleFromH1']);
  });

  it('refuses a pattern that is not a regular expression when it reads the mapping, naming its key', () => {
    // before, every article failed to convert with "report this as an importer bug"
    const dir = mkdtempSync(join(tmpdir(), 'kb-mapping-'));
    const file = join(dir, 'mapping.yaml');
    writeFileSync(file, "fields:\n  ms.topic: { to: level, values: [{ match: '(troubleshooting', to: 2 }] }\nresolutionFrom: ['Workaround', 'C++ fix']\n");
    try {
      expect(() => readMapping(file)).toThrowError(
        /^Invalid mapping .*:\n {2}fields\.ms\.topic\.values\.0\.match: not a regular expression .*\n {2}resolutionFrom\.1: not a regular expression/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('adds the built-in fields, ignores and alerts under a small mapping', () => {
    const mapping = readMapping(resolve(FIXTURES, 'mapping/small.yaml'));
    expect(mapping.fields['ms.date']).toBe('reviewed');
    expect(mapping.fields['label_names']).toBe('tags');
    expect(mapping.ignore).toContain('manager');
    expect(mapping.ignore).toContain('html_url');
    expect(mapping.alerts['important']).toBe('warning');
    expect(mapping.defaults['owner']).toBe('@it-messaging');
    expect(mapping.defaults['state']).toBe('validated');
  });

  it('reads the documented example mapping', () => {
    const mapping = readMapping(resolve(ROOT, 'docs/examples/officedocs-mapping.yaml'));
    expect(mapping.baseUrl).toBe('https://learn.microsoft.com/en-us');
    expect(Object.keys(mapping.fields)).toEqual(expect.arrayContaining(['description', 'ms.date', 'appliesto', 'ms.author', 'ms.custom']));
  });
});
