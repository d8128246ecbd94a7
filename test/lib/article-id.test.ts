import { describe, expect, it } from 'vitest';
import {
  articleIdOfEntry,
  articleIdOfPath,
  articleIdsInText,
  articleLangOf,
  articlePageOfUrl,
  articleSlug,
  articleUrl,
  articleUrlOfId,
  isArticleSource,
} from '../../src/lib/article-id.ts';
import { articleIdFromUrl } from '../../src/lib/links.ts';

describe('articleIdOfEntry', () => {
  it('drops the extension and uses forward slashes', () => {
    expect(articleIdOfEntry('en/printer-offline.mdx')).toBe('en/printer-offline');
    expect(articleIdOfEntry('de\\drucker.md')).toBe('de/drucker');
  });
});

describe('isArticleSource', () => {
  it('accepts .md and .mdx only', () => {
    expect(isArticleSource('../de/x.mdx')).toBe(true);
    expect(isArticleSource('x.md')).toBe(true);
    expect(isArticleSource('x.mdx.png')).toBe(false);
  });
});

describe('articleSlug and articleLangOf', () => {
  it('split an id into language folder and slug', () => {
    expect(articleSlug('de/drucker')).toBe('drucker');
    expect(articleSlug('en/sub/page')).toBe('sub/page');
    expect(articleLangOf('de/drucker')).toBe('de');
  });
});

describe('articleUrl and articleUrlOfId', () => {
  it('build the page path from the site root', () => {
    expect(articleUrl('de', 'drucker')).toBe('/de/articles/drucker/');
    expect(articleUrlOfId('en/vpn-reset')).toBe('/en/articles/vpn-reset/');
  });
});

describe('articleIdOfPath', () => {
  it('reads ids from page paths with or without the slashes around them', () => {
    expect(articleIdOfPath('/en/articles/vpn-reset/')).toBe('en/vpn-reset');
    expect(articleIdOfPath('en/articles/vpn-reset')).toBe('en/vpn-reset');
    expect(articleIdOfPath('/en/articles/sub/page/')).toBe('en/sub/page');
  });
  it('sees a language the site does not have as an article link, so it is reported as missing', () => {
    expect(articleIdOfPath('/fr/articles/x/')).toBe('fr/x');
  });
  it('is undefined for other pages', () => {
    expect(articleIdOfPath('/en/levels/1/')).toBeUndefined();
    expect(articleIdOfPath('en/vpn-reset')).toBeUndefined();
  });
  it('is the inverse of articleUrlOfId', () => {
    for (const id of ['en/a', 'de/b-c', 'en/sub/page']) expect(articleIdOfPath(articleUrlOfId(id))).toBe(id);
  });
  it('is what link resolution uses for site links', () => {
    expect(articleIdFromUrl('/de/articles/drucker/#loesung', 'en/x')).toBe('de/drucker');
    expect(articleIdFromUrl('../y/', 'en/x')).toBe('en/y');
  });
});

describe('articlePageOfUrl', () => {
  it('keeps the page and drops the anchor', () => {
    expect(articlePageOfUrl('/en/articles/x/#y')).toBe('/en/articles/x/');
    expect(articlePageOfUrl('https://example.com/en/articles/x/')).toBeUndefined();
  });
});

describe('articleIdsInText', () => {
  it('finds article pages named in ticket text, in the site languages only', () => {
    expect(articleIdsInText('See https://kb.example.com/en/articles/vpn-reset/ and /de/articles/drucker')).toEqual(['en/vpn-reset', 'de/drucker']);
    expect(articleIdsInText('see /fr/articles/x/')).toEqual([]);
    expect(articleIdsInText('no links here')).toEqual([]);
  });
});
