import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildBoth } from '../helpers/build-site.ts';
import { walk } from '../helpers/dist.ts';
import { FIXTURE_SITE_CONTENT, ROOT } from '../helpers/paths.ts';

/** Every file of the output folder with a hash of its content: equal means untouched. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    walk(dir).map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    ]),
  );
}

const ARTICLE = (body: string) => `---
title: A new article
summary: Added after the last good build.
level: 1
audience: public
product: network
owner: '@fixture-network'
lang: en
---

## Resolution

${body}
`;

describe('npm run build publishes both sites only when both pass', () => {
  let work = '';
  let out = '';
  let content = '';
  let before: Record<string, string> = {};

  beforeAll(async () => {
    // inside the project, like dist/: the two builds then run at the same time
    await mkdir(join(ROOT, 'node_modules/.cache'), { recursive: true });
    work = await mkdtemp(join(ROOT, 'node_modules/.cache/kb-atomic-'));
    out = join(work, 'dist');
    content = join(work, 'content');
    // the last good build: the fixture site, made by the same script in the global setup
    await cp(inject('fixtureSite'), out, { recursive: true });
    await cp(FIXTURE_SITE_CONTENT, content, { recursive: true });
    before = snapshot(out);
  });
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('made the fixture site with both sites and no staging folder left', () => {
    expect(Object.keys(before).some((f) => f.startsWith('public/pagefind/'))).toBe(true);
    expect(Object.keys(before).some((f) => f.startsWith('internal/pagefind/'))).toBe(true);
    expect(existsSync(join(out, '.building'))).toBe(false);
  });

  it('leaves dist exactly as it was when a link is broken, and names the link', async () => {
    const article = join(content, 'articles/en/new-article.mdx');
    await writeFile(article, ARTICLE('See [the missing page](/en/articles/no-such-article/).'));
    const failed = buildBoth(content, out);
    await expect(failed).rejects.toThrow('/en/articles/new-article/: /en/articles/no-such-article/ (no such page)');
    await expect(failed).rejects.toThrow(/Build failed: .*dist\/public and .*dist\/internal are unchanged/);
    expect(snapshot(out)).toEqual(before);
    expect(existsSync(join(out, '.building'))).toBe(false);
    await rm(article);
  }, 600_000); // two builds: minutes on a 2-core machine shared by many

  it('leaves dist exactly as it was when an article is not valid MDX, and says which', async () => {
    const article = join(content, 'articles/en/new-article.mdx');
    await writeFile(article, ARTICLE('<Steps>\n\n1. An unclosed component\n'));
    const failed = buildBoth(content, out);
    await expect(failed).rejects.toThrow('new-article.mdx');
    await expect(failed).rejects.toThrow(/Build failed: .*are unchanged/);
    expect(snapshot(out)).toEqual(before);
    await rm(article);
  }, 600_000); // two builds: minutes on a 2-core machine shared by many
});
