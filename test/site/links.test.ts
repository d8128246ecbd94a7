import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { checkBuiltSiteLinks } from '../../src/lib/built-site/link-check.ts';

const site = inject('fixtureSite');

describe.each(['public', 'internal'])('%s site links', (audience) => {
  it('resolve: every internal link points at a page and every anchor at an id', () => {
    const { checked, broken } = checkBuiltSiteLinks(join(site, audience));
    expect(checked).toBeGreaterThan(50);
    expect(broken).toEqual([]);
  });
});
