import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, serve } from '../helpers/browser.ts';

type Server = Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let pub: Server;
let internal: Server;

beforeAll(async () => {
  browser = await launchBrowser();
  pub = await serve(join(inject('fixtureSite'), 'public'));
  internal = await serve(join(inject('fixtureSite'), 'internal'));
});
afterAll(async () => {
  await browser?.close();
  await pub?.close();
  await internal?.close();
});

/** Types a query into the search box and returns the result titles once Pagefind answered. */
async function search(page: Page, query: string): Promise<string[]> {
  await page.locator('pagefind-input input').fill(query);
  // the summary ends with the term once Pagefind answered this query (not an earlier one)
  await page.waitForFunction((q) => (document.querySelector('pagefind-summary')?.textContent ?? '').trim().endsWith(` ${q}`), query, {
    timeout: 15_000,
  });
  // results load lazily: wait until no skeleton placeholder is left
  await page.waitForFunction(() => !document.querySelector('pagefind-results .pf-skeleton'));
  return page.locator('pagefind-results .pf-result-link').allInnerTexts();
}

async function open(server: Server, path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server.url}${path}`);
  return page;
}

describe('search on the public site', () => {
  it('finds an article by its words', async () => {
    const page = await open(pub, '/en/');
    expect(await search(page, 'printer offline')).toContain('Printer shows as offline');
    await page.close();
  });

  it('finds an error code however it is typed', async () => {
    const page = await open(pub, '/en/');
    for (const spelling of ['0x80070005', '80070005', 'ERR-0x80070005']) {
      const titles = await search(page, spelling);
      expect(titles[0], spelling).toBe('Access denied when opening a shared folder');
    }
    await page.close();
  });

  it('links results to the headings they matched', async () => {
    const page = await open(pub, '/en/');
    await search(page, 'spooler');
    const headings = await page.locator('pagefind-results .pf-heading-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(headings).toContain('/en/articles/printer-offline/#cause');
    await page.close();
  });

  it('finds German articles with German stemming', async () => {
    const page = await open(pub, '/de/');
    // "Druckern" (dative plural) only matches the article's "Drucker" through the German stemmer
    expect(await search(page, 'Druckern')).toContain('Drucker wird als offline angezeigt');
    await page.close();
  });

  it('finds the parts of German compounds', async () => {
    const page = await open(pub, '/de/');
    // the article only has "Laufzeitbibliothek"; "Bibliothek" is a word elsewhere in the knowledge base
    expect(await search(page, 'Bibliothek')).toContain('Kassensystem startet nach dem Update nicht');
    await page.close();
  });

  it('reaches an article that exists only in the other language', async () => {
    const de = await open(pub, '/de/');
    expect(await search(de, 'Faxgateway')).toContain('Faxgateway queue recovery');
    await de.close();
    const en = await open(pub, '/en/');
    expect(await search(en, 'Kassensystem')).toContain('Kassensystem startet nach dem Update nicht');
    await en.close();
  });

  it('never returns internal or archived articles', async () => {
    const page = await open(pub, '/en/');
    const hrefs = () => page.locator('pagefind-results .pf-result-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const query of ['split tunnel', 'lab network routes', 'upgrade procedure', 'Archivedprocedureword']) {
      await search(page, query);
      expect(await hrefs(), query).not.toContain('/en/articles/vpn-split-tunnel/');
      expect(await hrefs(), query).not.toContain('/en/articles/windows-10-upgrade/');
    }
    expect(await search(page, 'KBLEAKMARKERBODY')).toEqual([]);
    await page.close();
  });

  it('filters results by level', async () => {
    const page = await open(pub, '/en/');
    const all = await search(page, 'queue');
    expect(all).toEqual(expect.arrayContaining(['Printer shows as offline', 'Faxgateway queue recovery']));
    await page.getByLabel('Level', { exact: true }).selectOption({ label: 'Level 3 · specialists' });
    await page.waitForFunction(() => document.querySelectorAll('pagefind-results .pf-result-link').length === 1);
    expect(await page.locator('pagefind-results .pf-result-link').allInnerTexts()).toEqual(['Faxgateway queue recovery']);
    await page.close();
  });

  it('is usable with the keyboard alone', async () => {
    const page = await open(pub, '/en/');
    // the search box has focus on arrival: type, move into the results, open one
    await page.waitForFunction(() => document.activeElement?.closest('pagefind-input') !== null);
    await page.keyboard.type('printer offline');
    await page.waitForSelector('pagefind-results .pf-result-link');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe('Printer shows as offline');
    await Promise.all([page.waitForURL('**/en/articles/printer-offline/'), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').innerText()).toBe('Printer shows as offline');
    await page.close();
  });
});

describe('search on the agent site', () => {
  it('finds internal articles and offers an audience filter', async () => {
    const page = await open(internal, '/en/');
    expect(await search(page, 'split tunnel')).toContain('KBLEAKMARKERTITLE VPN split tunnel routes for the lab network');
    await page.getByLabel('Audience', { exact: true }).selectOption('internal');
    await page.waitForFunction(() => document.querySelectorAll('pagefind-results .pf-result-link').length === 1);
    await page.getByLabel('Audience', { exact: true }).selectOption('public');
    await page.waitForFunction(() => document.querySelectorAll('pagefind-results .pf-result-link').length === 0);
    await page.close();
  });
});
