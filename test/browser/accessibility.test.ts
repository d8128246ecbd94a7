import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, serve } from '../helpers/browser.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Server = Awaited<ReturnType<typeof serve>>;
let browser: Browser;
const servers: Record<string, Server> = {};

beforeAll(async () => {
  browser = await launchBrowser();
  for (const audience of ['public', 'internal']) servers[audience] = await serve(join(inject('fixtureSite'), audience));
});
afterAll(async () => {
  await browser?.close();
  for (const server of Object.values(servers)) await server.close();
});

/** Paths of every page listed in a built site's sitemap. */
function sitemapPaths(audience: string): string[] {
  const xml = readFileSync(join(inject('fixtureSite'), audience, 'sitemap-0.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
}

async function violations(page: Page): Promise<string[]> {
  // evaluated, not added as a <script>: the page's Content-Security-Policy refuses inline scripts
  await page.evaluate(axeSource);
  const result = await page.evaluate(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async (tags) => (window as any).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    WCAG_22_AA,
  );
  return (result as { violations: { id: string; nodes: { target: string[] }[] }[] }).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

describe.each(['public', 'internal'])('WCAG 2.2 AA on the %s site', (audience) => {
  it('holds on every page of the sitemap', async () => {
    const paths = sitemapPaths(audience);
    expect(paths.length).toBeGreaterThan(20);
    const page = await browser.newPage();
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(`${servers[audience]!.url}${path}`);
      for (const v of await violations(page)) found.push(`${path} ${v}`);
    }
    await page.close();
    expect(found).toEqual([]);
  }, 240_000);
});

describe('WCAG 2.2 AA in other states', () => {
  it('holds in dark mode and with search results and open filters', async () => {
    const page = await browser.newPage({ colorScheme: 'dark' });
    await page.goto(`${servers['public']!.url}/de/articles/drucker-offline/`);
    expect(await violations(page)).toEqual([]);
    await page.goto(`${servers['public']!.url}/en/`);
    await page.locator('[data-search-input]').fill('offline');
    await page.waitForSelector('[data-search-results] .kb-result-link');
    await page.getByLabel('Level', { exact: true }).selectOption('1');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search]')?.dataset['searchState'] === 'done');
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('holds for every kind of search result and the empty state (%s)', async (colorScheme) => {
    const page = await browser.newPage({ colorScheme });
    const found: string[] = [];
    // language tags and language links, heading links, audience markers, nothing found
    for (const [site, path] of [
      ['public', '/en/?q=vpn'],
      ['public', '/en/?q=offline'],
      ['public', '/de/?q=drucker'],
      ['public', '/en/?q=zebracornflakes'],
      ['internal', '/en/?q=split+tunnel'],
      ['internal', '/de/?q=zebracornflakes&level=3'],
    ] as const) {
      await page.goto(`${servers[site]!.url}${path}`);
      await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-search]')?.dataset['searchState'] === 'done');
      for (const v of await violations(page)) found.push(`${site} ${path} ${v}`);
    }
    expect(found).toEqual([]);
    await page.close();
  });
});
