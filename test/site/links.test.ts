import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { checkBuiltSiteLinks } from '../../src/lib/built-site/link-check.ts';
import { readArticles } from '../../src/lib/content/read-articles.ts';
import { siteHasPath, siteModelOf } from '../../src/lib/site-pages.ts';
import { walk } from '../helpers/dist.ts';
import { FIXTURE_SITE_CONTENT, ROOT } from '../helpers/paths.ts';

const site = inject('fixtureSite');

describe.each(['public', 'internal'])('%s site links', (audience) => {
  it('resolve: every internal link points at a page and every anchor at an id', () => {
    const { checked, broken } = checkBuiltSiteLinks(join(site, audience));
    expect(checked).toBeGreaterThan(50);
    expect(broken).toEqual([]);
  });
});

describe('the page model kb check uses (src/lib/site-pages.ts)', () => {
  it.each(['public', 'internal'] as const)('knows every page and file the %s build made, and no page it did not make', async (audience) => {
    const articles = await readArticles(FIXTURE_SITE_CONTENT, ROOT);
    const model = siteModelOf(articles, audience, join(ROOT, 'public'));
    const files = walk(join(site, audience)).filter((f) => !f.startsWith('_astro/') && f !== '_headers');
    const paths = files.map((f) => `/${f}`.replace(/index\.html$/, ''));
    expect(paths.filter((p) => !siteHasPath(model, p))).toEqual([]);
    // the pages of the other site, and pages of products, tags and articles the site does not have
    const other = walk(join(site, audience === 'public' ? 'internal' : 'public'))
      .filter((f) => f.endsWith('index.html'))
      .map((f) => `/${f}`.replace(/index\.html$/, ''));
    const missing = other.filter((p) => !paths.includes(p));
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.filter((p) => siteHasPath(model, p))).toEqual([]);
    for (const path of ['/en/products/no-such-product/', '/en/tags/no-such-tag/', '/en/levels/4/', '/fr/', '/en/articles/', '/en/articles/no-such-article/'])
      expect(siteHasPath(model, path), path).toBe(false);
  });
});
