import { describe, expect, it } from 'vitest';
import { mapFrontmatter, readSourceFields, toIsoDate, type IgnoredCounts } from '../../src/lib/import/frontmatter.ts';
import { IssueSink } from '../../src/lib/import/issues.ts';
import { mergeMapping, mappingSchema, type Mapping } from '../../src/lib/import/mapping.ts';
import { closestKey } from '../../src/lib/suggest.ts';
import { places } from './convert.ts';

const mapping: Mapping = mergeMapping(
  mappingSchema.parse({
    fields: {
      description: 'summary',
      'ms.date': 'reviewed',
      'ms.author': 'owner',
      appliesto: {
        to: 'product',
        values: [
          { match: 'Exchange|Outlook', to: 'mail' },
          { match: 'SharePoint', to: 'collaboration' },
        ],
      },
      'ms.custom': {
        to: 'tags',
        values: [
          { match: '^CSSTroubleshoot$', to: null },
          { match: '^sap:([^\\\\]+)', to: '$1' },
        ],
      },
    },
    ignore: ['manager', 'ms.reviewer'],
    defaults: { level: 1, audience: 'public', owner: '@it-workplace', product: 'workplace', lang: 'en' },
  }),
);

function map(yaml: string): { data: Record<string, unknown>; sink: IssueSink; ignored: IgnoredCounts } {
  const sink = new IssueSink('a.md');
  const ignored: IgnoredCounts = new Map();
  const data = mapFrontmatter(readSourceFields(yaml, 2, sink), mapping, sink, ignored);
  return { data, sink, ignored };
}

describe('frontmatter mapping', () => {
  it('maps description, ms.date, ms.author and fills the defaults', () => {
    const { data, sink } = map('title: Outlook crashes\ndescription: Closes at start.\nms.date: 01/24/2024\nms.author: jdoe\n');
    expect(data).toEqual({
      title: 'Outlook crashes',
      summary: 'Closes at start.',
      reviewed: '2024-01-24',
      owner: 'jdoe',
      level: 1,
      audience: 'public',
      product: 'workplace',
      lang: 'en',
      state: 'validated',
    });
    expect(sink.issues).toEqual([]);
  });

  it('makes tag ids with the one slug rule: umlauts transliterated, as kb new does', () => {
    const { data } = map('title: T\nms.custom: [CSSTroubleshoot, sap:Geräteverwaltung, sap:Störung]\n');
    expect(data['tags']).toEqual(['geraeteverwaltung', 'stoerung']);
  });

  it('treats the typo `ms.dat` as `ms.date` and reports it at the key', () => {
    const { data, sink } = map('title: T\nms.dat: 02/03/2024\n');
    expect(data['reviewed']).toBe('2024-02-03');
    expect(places(sink.issues)).toEqual(['3:1 warning frontmatter-typo']);
    expect(sink.issues[0]!.reason).toBe('Unexpected frontmatter key `ms.dat`, expected `ms.date` (treated as `ms.date`)');
  });

  it('treats the typo `decription` as `description`', () => {
    expect(map('decription: Short text.\n').data['summary']).toBe('Short text.');
  });

  it('reports a key that is neither mapped, ignored nor a typo', () => {
    const { data, sink } = map('title: T\ncolour: blue\n');
    expect(data['colour']).toBeUndefined();
    expect(sink.issues.map((i) => `${i.line}:${i.column} ${i.reason}`)).toEqual([
      "3:1 Unexpected frontmatter key `colour`, expected one of the mapping's fields or ignore list",
    ]);
  });

  it('counts ignored keys instead of listing them per file', () => {
    const { sink, ignored } = map('manager: boss\nms.reviewer: x\n');
    expect(sink.issues).toEqual([]);
    expect([...ignored]).toEqual([
      ['manager', 1],
      ['ms.reviewer', 1],
    ]);
  });

  it('takes the product from the first appliesto value that matches a rule', () => {
    expect(map('appliesto:\n  - Windows 11\n  - SharePoint Online\n  - Exchange Online\n').data['product']).toBe('collaboration');
  });

  it('uses the default product when no value matches, and says so', () => {
    const { data, sink } = map('appliesto:\n  - Windows 11\n');
    expect(data['product']).toBe('workplace');
    expect(sink.issues[0]!.reason).toBe('Unexpected product value `Windows 11`, expected one matching a rule in `fields` (default used)');
  });

  it('maps tags with $1 groups and drops values mapped to null', () => {
    expect(map('ms.custom:\n  - sap:Mail Flow\\Other\n  - CSSTroubleshoot\n').data['tags']).toEqual(['mail-flow']);
  });

  it('reports a date it cannot read and leaves reviewed unset', () => {
    const { data, sink } = map('ms.date: 13/45/2024\n');
    expect(data['reviewed']).toBeUndefined();
    expect(places(sink.issues)).toEqual(['2:1 warning frontmatter-value']);
  });

  it('reports broken YAML with its place and keeps the keys it could read', () => {
    const { data, sink } = map('title: T\ndescription: [unclosed\n');
    expect(data['title']).toBe('T');
    expect(sink.issues.map((i) => i.rule)).toContain('frontmatter-yaml');
  });
});

describe('dates and typos', () => {
  it('reads US, ISO and Date values', () => {
    expect([toIsoDate('1/5/2024'), toIsoDate('2024-03-05T10:20:00Z'), toIsoDate(new Date('2023-12-31T00:00:00Z')), toIsoDate('yesterday')]).toEqual([
      '2024-01-05',
      '2024-03-05',
      '2023-12-31',
      undefined,
    ]);
  });

  it('matches adjacent swaps and missing letters but not unrelated keys', () => {
    const known = ['appliesto', 'ms.date', 'description', 'author'];
    expect([closestKey('appleisto', known), closestKey('appiesto', known), closestKey('ms.dat', known), closestKey('editor', known)]).toEqual([
      'appliesto',
      'appliesto',
      'ms.date',
      undefined,
    ]);
  });
});

describe('two keys for one field', () => {
  it('keeps the first and reports the second at its key', () => {
    const { data, sink } = map('description: First.\nsummary: Second.\n');
    expect(data['summary']).toBe('First.');
    expect(sink.issues.map((i) => `${i.line}:${i.column} ${i.rule}`)).toEqual(['3:1 frontmatter-duplicate']);
  });
});
