import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
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
    expect(message.split('\n').slice(1).map((l) => l.split(':')[0]!.trim())).toEqual(['fields.appliesto', 'titleFromH1']);
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
