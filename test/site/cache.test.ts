import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { buildSite } from '../helpers/build-site.ts';
import { FIXTURE_SITE_CONTENT, ROOT } from '../helpers/paths.ts';
import { readAsText, walk } from '../helpers/dist.ts';

let work = '';
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

it('drops an article from the public site when it becomes internal, cache or not', async () => {
  await mkdir(join(ROOT, 'node_modules/.cache'), { recursive: true });
  work = await mkdtemp(join(ROOT, 'node_modules/.cache/kb-cache-'));
  const content = join(work, 'content');
  await cp(FIXTURE_SITE_CONTENT, content, { recursive: true });
  const out = join(work, 'dist');
  await buildSite(content, out, 'public');
  expect(existsSync(join(out, 'public/en/articles/legacy-fax-gateway/index.html'))).toBe(true);

  // the second build reuses the first one's content cache
  const file = join(content, 'articles/en/legacy-fax-gateway.mdx');
  const source = await readFile(file, 'utf8');
  await writeFile(file, source.replace('audience: public', 'audience: internal').replace('## Resolution', 'NOWINTERNALMARKER\n\n## Resolution'));
  await buildSite(content, out, 'public');
  expect(existsSync(join(out, 'public/en/articles/legacy-fax-gateway'))).toBe(false);
  const leaks = walk(join(out, 'public')).filter((f) => /nowinternalmarker|faxgateway queue recovery/i.test(readAsText(join(out, 'public', f))));
  expect(leaks).toEqual([]);
}, 120_000);
