import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, serve } from '../helpers/browser.ts';

type Server = Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let internal: Server;
const EDIT = 'https://github.com/example/tiered-kb/edit/main/test/fixtures/site/content/articles/en/legacy-fax-gateway.mdx';

beforeAll(async () => {
  browser = await launchBrowser();
  internal = await serve(join(inject('fixtureSite'), 'internal'));
});
afterAll(async () => {
  await browser?.close();
  await internal?.close();
});

/** A page whose requests to the repository host are answered locally: tests run without network. */
async function open(context: BrowserContext, path: string): Promise<Page> {
  await context.route('https://github.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>editor</title>' }));
  const page = await context.newPage();
  await page.goto(`${internal.url}${path}`);
  return page;
}

describe('knowledge-health page', () => {
  it('lists the most urgent first, with owner, file path and edit link, and keeps a translation pair together', async () => {
    const context = await browser.newContext();
    const page = await open(context, '/en/health/');
    const rows = page.locator('.action-table tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')))).toEqual([
      'en/legacy-fax-gateway',
      'de/drucker-offline',
      'en/printer-offline',
    ]);
    await expect.poll(() => rows.nth(0).innerText()).toContain('Act now');
    expect(await rows.nth(0).innerText()).toContain('@fixture-apps');
    expect(await rows.nth(0).innerText()).toContain('test/fixtures/site/content/articles/en/legacy-fax-gateway.mdx');
    expect(await rows.nth(2).innerText()).toContain('translation of the row above');
    expect(await page.locator('#health-due + ul').innerText()).toContain('due 30 November 2026 Printer shows as offline');
    await context.close();
  });

  it('downloads the list as CSV with a mouse click, in the order of the page', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await open(context, '/en/health/');
    const link = page.getByRole('link', { name: 'CSV (spreadsheet)' });
    const box = (await link.boundingBox())!;
    const [download] = await Promise.all([page.waitForEvent('download'), page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)]);
    const lines = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('urgency,id,path,title,lang,level,owner,product,reasons,edit');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      'now,en/legacy-fax-gateway',
      'overdue,de/drucker-offline',
      'due,en/printer-offline',
    ]);
    expect(lines[1]).toContain(`,@fixture-apps,`);
    expect(lines[1]?.endsWith(EDIT)).toBe(true);
    await context.close();
  });

  it('downloads JSON with a tap on a phone', async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await open(context, '/de/health/');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'JSON (Werkzeuge)' }).tap()]);
    const json = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      today: string;
      articles: { id: string; urgency: string; path: string; reasons: { code: string }[]; edit: string }[];
    };
    expect(json.today).toBe('2026-11-24');
    expect(json.articles[0]).toMatchObject({ id: 'en/legacy-fax-gateway', urgency: 'now', edit: EDIT, reasons: [{ code: 'mentions-eol' }] });
    await context.close();
  });

  it('opens the edit link with the mouse, and with the keyboard from the download links', async () => {
    const context = await browser.newContext();
    let page = await open(context, '/en/health/');
    const edit = page.getByRole('link', { name: 'Edit Faxgateway queue recovery' });
    const box = (await edit.boundingBox())!;
    await Promise.all([page.waitForURL(EDIT), page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)]);
    expect(page.url()).toBe(EDIT);
    page = await open(context, '/en/health/');
    await page.getByRole('link', { name: 'JSON (tools)' }).focus();
    await page.keyboard.press('Tab'); // the first article's title
    await page.keyboard.press('Tab'); // its edit link
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Edit Faxgateway queue recovery');
    await Promise.all([page.waitForURL(EDIT), page.keyboard.press('Enter')]);
    await context.close();
  });

  it('speaks German on /de/health/', async () => {
    const context = await browser.newContext();
    const page = await open(context, '/de/health/');
    expect(await page.locator('.action-table thead').innerText()).toMatch(/Dringlichkeit\s+Artikel und Datei\s+Wer handelt\s+Warum\s+Bearbeiten/);
    expect(await page.locator('.action-table tbody tr').first().innerText()).toContain('Sofort handeln');
    expect(await page.locator('h2').allInnerTexts()).toContain('In den nächsten 30 Tagen fällig');
    // the reasons themselves, not only their names, are German: no English sentence, no lang="en" island
    const reasons = await page.locator('.action-reasons li').allInnerTexts();
    expect(reasons.length).toBeGreaterThanOrEqual(3);
    expect(reasons.join('\n')).not.toMatch(/\b(overdue by|which|since its review|Links to|Applies to|not changed)\b/);
    expect(reasons.join('\n')).toMatch(/überfällig|fällig|Verweist|Gilt für|unverändert/);
    expect(await page.locator('.action-reasons [lang="en"], .health-warnings [lang="en"]').count()).toBe(0);
    await context.close();
  });

  it('and the list does not exist on the public site', () => {
    expect(existsSync(join(inject('fixtureSite'), 'public/health/stale.csv'))).toBe(false);
    expect(existsSync(join(inject('fixtureSite'), 'internal/health/stale.csv'))).toBe(true);
  });
});
