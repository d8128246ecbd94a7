import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { FIXTURE_SITE_CONTENT, ROOT } from '../helpers/paths.ts';

let work = '';
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

it('fails the public build when a public article links to an internal one', async () => {
  await mkdir(join(ROOT, 'node_modules/.cache'), { recursive: true });
  work = await mkdtemp(join(ROOT, 'node_modules/.cache/kb-broken-links-'));
  const content = join(work, 'content');
  await cp(FIXTURE_SITE_CONTENT, content, { recursive: true });
  await writeFile(
    join(content, 'articles/en/links-to-internal.mdx'),
    `---
title: Links to an internal article
summary: A public article that points at an internal one.
level: 1
audience: public
product: network
owner: '@fixture-network'
lang: en
---

## Resolution

See [the lab routes](/en/articles/vpn-split-tunnel/).
`,
  );
  await expect(buildSite(content, join(work, 'dist'), 'public')).rejects.toThrow(
    '/en/articles/links-to-internal/: /en/articles/vpn-split-tunnel/ (no such page)',
  );
}, 120_000);
