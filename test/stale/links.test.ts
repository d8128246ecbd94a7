import { describe, expect, it } from 'vitest';
import { articleIdFromUrl, extractArticleLinks, extractLinks } from '../../src/lib/links.ts';
import { archivedLinkedProvider, brokenLinkProvider, type LinkTargets } from '../../src/lib/stale/providers/links.ts';
import { article, runProvider } from './helpers.ts';

describe('extractLinks', () => {
  it('finds Markdown links, definitions and JSX href attributes with positions', () => {
    const body = 'See [a](/en/articles/a/).\n\n<a href="../b/">b</a>\n\n[ref]: /de/articles/c/\n';
    expect(extractLinks(body)).toEqual([
      { url: '/en/articles/a/', line: 1, column: 5 },
      { url: '../b/', line: 3, column: 1 },
      { url: '/de/articles/c/', line: 5, column: 1 },
    ]);
  });

  it('still finds links in a body that is not valid MDX', () => {
    expect(extractLinks('Broken <Callout\n\n[x](/en/articles/x/)').map((l) => l.url)).toEqual(['/en/articles/x/']);
  });
});

describe('extractArticleLinks', () => {
  it('returns only links to articles, with their target ids', () => {
    const body = '[web](https://example.com) and [b](../b/)';
    expect(extractArticleLinks(body, 'en/x')).toEqual([{ url: '../b/', line: 1, column: 32, target: 'en/b' }]);
  });

  it('does not take an article URL inside a code block for a link', () => {
    expect(extractArticleLinks('```\n[a](/en/articles/a/)\n```', 'en/x')).toEqual([]);
  });
});

describe('articleIdFromUrl', () => {
  it.each([
    ['/en/articles/a/', 'en/a'],
    ['/de/articles/b/#ursache', 'de/b'],
    ['../c/', 'en/c'],
    ['./d.mdx', 'en/d'],
    ['../de/e.mdx', 'de/e'],
  ])('resolves %s from en/x to %s', (url, id) => {
    expect(articleIdFromUrl(url, 'en/x')).toBe(id);
  });

  it.each(['https://example.com/en/articles/a/', 'mailto:help@example.com', '#cause', '/en/products/mail/'])('ignores %s', (url) => {
    expect(articleIdFromUrl(url, 'en/x')).toBeUndefined();
  });
});

const index: LinkTargets = new Map([
  ['en/ok', { state: 'validated', title: 'OK' }],
  ['en/draft', { state: 'draft', title: 'Draft' }],
  ['en/old', { state: 'archived', title: 'Old way' }],
  ['en/invalid', {}],
]);

describe('broken-link', () => {
  it('reports a link to an article that does not exist, at its file position', async () => {
    const a = article('en/x', {}, 'Text\n\nSee [gone](/en/articles/gone/).');
    const { reasons } = await runProvider(brokenLinkProvider(index), [a], '2026-11-24');
    expect(reasons.get('en/x')).toEqual([
      {
        code: 'broken-link',
        message: 'Links to en/gone, which does not exist (/en/articles/gone/ at content/articles/en/x.mdx:12:5).',
        severity: 'error',
        details: { problem: 'missing', url: '/en/articles/gone/', target: 'en/gone', path: 'content/articles/en/x.mdx', line: 12, column: 5 },
      },
    ]);
  });

  it('reports a link to a draft, which is not published', async () => {
    const a = article('en/x', {}, '[d](../draft/)');
    const { reasons } = await runProvider(brokenLinkProvider(index), [a], '2026-11-24');
    expect(reasons.get('en/x')?.[0]?.message).toBe('Links to en/draft, which is a draft and not published (../draft/ at content/articles/en/x.mdx:10:1).');
  });

  it('accepts links to existing articles, even ones with invalid frontmatter', async () => {
    const a = article('en/x', {}, '[a](/en/articles/ok/) [b](./invalid.mdx) [c](https://example.com)');
    const { reasons } = await runProvider(brokenLinkProvider(index), [a], '2026-11-24');
    expect(reasons.size).toBe(0);
  });
});

describe('archived-linked', () => {
  it('puts the reason on the linking article and names the archived one, once per target', async () => {
    const a = article('en/x', {}, '[old](/en/articles/old/) and again [old](../old/)');
    const { reasons } = await runProvider(archivedLinkedProvider(index), [a], '2026-11-24');
    expect(reasons.get('en/x')).toEqual([
      {
        code: 'archived-linked',
        message: 'Links to archived article en/old "Old way" (line 10); link its successor or remove the link.',
        severity: 'warning',
        details: { target: 'en/old', title: 'Old way', line: 10, column: 1 },
      },
    ]);
  });

  it('does not report archived articles linking to each other', async () => {
    const a = article('en/y', { state: 'archived' }, '[old](/en/articles/old/)');
    const { reasons } = await runProvider(archivedLinkedProvider(index), [a], '2026-11-24');
    expect(reasons.size).toBe(0);
  });
});
