import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { collectCrossLinks, unlinkInternalTargets } from '../../src/lib/import/cross-links.ts';
import { IssueSink } from '../../src/lib/import/issues.ts';
import { serializeArticle } from '../../src/lib/import/serialize.ts';

const parse = (markdown: string) => unified().use(remarkParse).parse(markdown);
const mdx = (tree: Root) => serializeArticle({}, tree).replace(/^---\n\{\}\n---\n\n/, '');

const SOURCE = [
  'See [the VPN reset](/en/articles/vpn-reset/#steps) and [the vendor](https://example.com/en/articles/x/).',
  '',
  '- [Agent checklist](/en/articles/agent-checklist/) and [*the* printer fix](/de/articles/drucker-offline/)',
  '',
  'Also [the reset again](/en/articles/vpn-reset/), [a relative one](../other/) and [an anchor](#steps).',
  '',
].join('\n');

describe('collectCrossLinks', () => {
  it('finds links to article pages, anywhere in the tree, without their anchors', () => {
    expect(collectCrossLinks(parse(SOURCE)).map((l) => l.page)).toEqual([
      '/en/articles/vpn-reset/',
      '/en/articles/agent-checklist/',
      '/de/articles/drucker-offline/',
      '/en/articles/vpn-reset/',
    ]);
  });

  it('ignores external, relative and in-page links', () => {
    expect(collectCrossLinks(parse('[a](https://example.com/en/articles/x/) [b](../x/) [c](#top) [d](/en/health/)\n'))).toEqual([]);
  });
});

describe('unlinkInternalTargets', () => {
  it('removes links to internal pages but keeps their text, formatting included', () => {
    const tree = parse(SOURCE);
    const sink = new IssueSink('doc.md');
    unlinkInternalTargets(collectCrossLinks(tree), new Set(['/en/articles/vpn-reset/', '/de/articles/drucker-offline/']), sink);
    expect(mdx(tree)).toBe(
      [
        'See the VPN reset and [the vendor](https://example.com/en/articles/x/).',
        '',
        '- [Agent checklist](/en/articles/agent-checklist/) and _the_ printer fix',
        '',
        'Also the reset again, [a relative one](../other/) and [an anchor](#steps).',
        '',
      ].join('\n'),
    );
  });

  it('reports each removed link at its place in the source', () => {
    const tree = parse(SOURCE);
    const sink = new IssueSink('doc.md');
    unlinkInternalTargets(collectCrossLinks(tree), new Set(['/en/articles/vpn-reset/', '/de/articles/drucker-offline/']), sink);
    expect(sink.issues.map((i) => `${i.line}:${i.column} ${i.severity} ${i.rule}`)).toEqual([
      '1:5 warning link-to-internal',
      '3:56 warning link-to-internal',
      '5:6 warning link-to-internal',
    ]);
    expect(sink.issues[0]!.reason).toContain('/en/articles/vpn-reset/');
  });

  it('changes nothing when no target is internal', () => {
    const tree = parse(SOURCE);
    const before = structuredClone(tree);
    const sink = new IssueSink('doc.md');
    unlinkInternalTargets(collectCrossLinks(tree), new Set(['/en/articles/elsewhere/']), sink);
    expect(tree).toEqual(before);
    expect(sink.issues).toEqual([]);
  });

  it('can run twice over the same links without removing anything else', () => {
    const tree = parse(SOURCE);
    const links = collectCrossLinks(tree);
    const internal = new Set(['/en/articles/agent-checklist/']);
    unlinkInternalTargets(links, internal, new IssueSink('doc.md'));
    const once = mdx(tree);
    const sink = new IssueSink('doc.md');
    unlinkInternalTargets(links, internal, sink);
    expect(mdx(tree)).toBe(once);
    expect(sink.issues).toEqual([]);
  });
});
