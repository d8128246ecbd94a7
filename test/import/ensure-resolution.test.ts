import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { TargetData } from '../../src/lib/import/frontmatter.ts';
import { IssueSink } from '../../src/lib/import/issues.ts';
import { mappingSchema, mergeMapping, type Mapping } from '../../src/lib/import/mapping.ts';
import { ensureResolution } from '../../src/lib/import/sections.ts';
import { serializeArticle } from '../../src/lib/import/serialize.ts';

function mapping(raw: Record<string, unknown>): Mapping {
  return mergeMapping(mappingSchema.parse(raw));
}

function ensure(markdown: string, data: TargetData, map: Mapping) {
  const tree = unified().use(remarkParse).parse(markdown);
  const sink = new IssueSink('doc.md');
  ensureResolution(tree, data, map, sink);
  return {
    mdx: serializeArticle({}, tree).replace(/^---\n\{\}\n---\n\n/, ''),
    data,
    issues: sink.issues.map((i) => `${i.line}:${i.column} ${i.severity} ${i.rule}`),
  };
}

const WORKAROUND = mapping({ resolutionFrom: ['Workarounds?(\\s*\\d+)?', 'More information'], missingResolution: 'internal' });

describe('ensureResolution', () => {
  it('leaves an article that has a resolution section under any of its names alone', () => {
    for (const heading of ['Resolution', 'Solution', 'fix', 'Lösung', 'Behebung']) {
      const body = `## Symptom\n\nIt fails.\n\n## ${heading}\n\nRestart.\n\n## Workaround\n\nWait.\n`;
      const result = ensure(body, { audience: 'public', lang: 'en' }, WORKAROUND);
      expect(result.mdx, heading).toBe(body);
      expect(result.issues).toEqual([]);
    }
  });

  it('renames the first matching h2 to Resolution and keeps its own heading as an h3 below', () => {
    const { mdx, issues } = ensure(
      '## Symptom\n\nIt fails.\n\n## Workaround 2\n\nRestart.\n\n## More information\n\nSee KB.\n',
      { audience: 'public', lang: 'en' },
      WORKAROUND,
    );
    expect(mdx).toBe('## Symptom\n\nIt fails.\n\n## Resolution\n\n### Workaround 2\n\nRestart.\n\n## More information\n\nSee KB.\n');
    expect(issues).toEqual(['5:1 info section-resolution']);
  });

  it('names the section Lösung in a German article', () => {
    expect(ensure('## Problemumgehung\n\nNeu starten.\n', { audience: 'public', lang: 'de' }, mapping({ resolutionFrom: ['Problemumgehung'] })).mdx).toBe(
      '## Lösung\n\n### Problemumgehung\n\nNeu starten.\n',
    );
  });

  it('matches a pattern against the whole heading, ignoring case', () => {
    expect(ensure('## workaround\n\nA.\n', { audience: 'public', lang: 'en' }, WORKAROUND).mdx).toContain('## Resolution\n\n### workaround');
    expect(ensure('## Workaround details\n\nA.\n', { audience: 'internal', lang: 'en' }, WORKAROUND).mdx).not.toContain('## Resolution');
  });

  it('imports a public article without any resolution as internal when the mapping says so, and reports it', () => {
    const { data, issues } = ensure('# Title\n\n## Overview\n\nBackground only.\n', { audience: 'public', lang: 'en' }, WORKAROUND);
    expect(data['audience']).toBe('internal');
    expect(issues).toEqual(['3:1 warning section-resolution']);
  });

  it('keeps the audience when the mapping says keep (kb check then reports the missing section)', () => {
    const { data, issues } = ensure('## Overview\n\nBackground only.\n', { audience: 'public', lang: 'en' }, mapping({ resolutionFrom: ['Workaround'] }));
    expect(data['audience']).toBe('public');
    expect(issues).toEqual([]);
  });

  it('leaves an internal article without a resolution alone', () => {
    const { data, issues } = ensure('## Overview\n\nText.\n', { audience: 'internal', lang: 'en' }, WORKAROUND);
    expect(data['audience']).toBe('internal');
    expect(issues).toEqual([]);
  });

  it('looks at h2 headings only', () => {
    const { mdx, data } = ensure('## Overview\n\n### Workaround\n\nA.\n', { audience: 'public', lang: 'en' }, WORKAROUND);
    expect(mdx).toBe('## Overview\n\n### Workaround\n\nA.\n');
    expect(data['audience']).toBe('internal');
  });
});
