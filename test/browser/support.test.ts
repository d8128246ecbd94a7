import { mkdtemp, readFileSync, rm } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { createCollector, type Collector } from '../../src/lib/collect/server.ts';
import { EventStore } from '../../src/lib/collect/store.ts';
import type { DemandEvent } from '../../src/lib/collect/event.ts';

// The fixture site is built with KB_COLLECT_ENDPOINT=/events: each site is served here with a real
// collector mounted at /events, so the browser's sendBeacon calls land in a real SQLite file.
interface Site {
  url: string;
  store: EventStore;
  collector: Collector;
  server: Server;
}
let browser: Browser;
let dir: string;
const sites: Record<'public' | 'internal', Site> = {} as never;

async function start(audience: 'public' | 'internal'): Promise<Site> {
  const statics = sirv(join(inject('fixtureSite'), audience), { dev: false });
  const store = new EventStore(join(dir, `${audience}.sqlite`));
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const collector = createCollector({ store, origins: [url] });
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/events')) return collector.handler(req, res);
    statics(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  return { url, store, collector, server };
}

beforeAll(async () => {
  dir = await promisify(mkdtemp)(join(tmpdir(), 'kb-support-browser-'));
  browser = await launchBrowser();
  sites.public = await start('public');
  sites.internal = await start('internal');
});
afterAll(async () => {
  await browser?.close();
  for (const site of Object.values(sites)) {
    await new Promise((resolve) => site.server.close(resolve));
    site.store.close();
  }
  await promisify(rm)(dir, { recursive: true, force: true });
});

/** Waits until the collector stored an event matching `match` (sendBeacon is asynchronous). */
async function eventArrives(site: Site, match: (e: DemandEvent) => boolean): Promise<DemandEvent> {
  for (let i = 0; i < 100; i++) {
    const found = [...site.store.events()].find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no matching event; stored: ${JSON.stringify([...site.store.events()])}`);
}

async function clickCentre(page: Page, locator: Locator): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error('element has no box');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

async function open(site: Site, path: string, context?: BrowserContext): Promise<Page> {
  const page = await (context ?? browser).newPage();
  await page.goto(`${site.url}${path}`);
  return page;
}

function sitemapPaths(audience: string): string[] {
  const xml = readFileSync(join(inject('fixtureSite'), audience, 'sitemap-0.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
}

describe('Did this solve your problem?', () => {
  it('No (mouse) records the answer and opens the contact box', async () => {
    const page = await open(sites.public, '/en/articles/printer-offline/');
    const box = page.locator('#contact-support');
    expect(await box.isHidden()).toBe(true);
    await clickCentre(page, page.getByRole('button', { name: 'No', exact: true }));
    expect(await page.getByRole('button', { name: 'No', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await box.waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contact-support');
    expect(await page.locator('[data-helpful-status]').innerText()).toContain('Sorry this did not help');
    const event = await eventArrives(sites.public, (e) => e.type === 'helpful' && e.article === 'en/printer-offline' && !e.helpful);
    expect(event).toMatchObject({ site: 'public', lang: 'en' });
    await page.close();
  });

  it('Yes (tap on a phone) records a yes and keeps the contact box closed', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await open(sites.public, '/de/articles/drucker-offline/', context);
    const yes = page.getByRole('button', { name: 'Ja', exact: true });
    await yes.scrollIntoViewIfNeeded();
    const b = (await yes.boundingBox())!;
    await page.touchscreen.tap(b.x + b.width / 2, b.y + b.height / 2);
    expect(await yes.getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#contact-support').isHidden()).toBe(true);
    await eventArrives(sites.public, (e) => e.type === 'helpful' && e.article === 'de/drucker-offline' && e.helpful && e.lang === 'de');
    await context.close();
  });

  it('works with the keyboard alone: Tab to No, Enter, type the answers', async () => {
    const page = await open(sites.public, '/en/articles/access-denied-share/');
    // Tab until the No button has focus (bounded)
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('data-helpful-answer') === 'no')) break;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-helpful-answer'))).toBe('no');
    await page.keyboard.press('Enter');
    await page.locator('#contact-support').waitFor({ state: 'visible' });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type('GROUP-A GROUP-B');
    await page.keyboard.press('Tab');
    await page.keyboard.type('\\\\files\\finance');
    const href = decodeURIComponent((await page.locator('[data-contact-send]').getAttribute('href')) ?? '');
    expect(href).toContain('GROUP-A GROUP-B');
    expect(href).toContain('\\\\files\\finance');
    await page.close();
  });
});

describe('Contact support', () => {
  it('from an article: the prefilled e-mail holds the answers, the article id and address, and nothing internal', async () => {
    const page = await open(sites.public, '/en/articles/printer-offline/');
    await clickCentre(page, page.getByRole('button', { name: 'No', exact: true }));
    await page.getByLabel('Printer name:').fill('PRN-4TH-FLOOR');
    await page.getByLabel('Time of the last successful print:').fill('yesterday 16:00');
    const link = page.locator('[data-contact-send]');
    const href = (await link.getAttribute('href')) ?? '';
    expect(href.startsWith('mailto:support@example.com?subject=')).toBe(true);
    const mail = new URL(href);
    const subject = mail.searchParams.get('subject');
    const body = mail.searchParams.get('body') ?? '';
    expect(subject).toBe('Not solved: Printer shows as offline');
    expect(body).toContain('Printer name:\r\nPRN-4TH-FLOOR');
    expect(body).toContain('yesterday 16:00');
    expect(body).toContain('(en/printer-offline)');
    expect(body).toContain(`${sites.public.url}/en/articles/printer-offline/`);
    expect(body).not.toMatch(/KBLEAK|Internal|internal note/i);
    // the click is counted (the mail program is not opened in the test)
    await page.evaluate(() => document.addEventListener('click', (e) => e.preventDefault()));
    await clickCentre(page, link);
    await eventArrives(sites.public, (e) => e.type === 'contact' && e.article === 'en/printer-offline');
    await page.close();
  });

  it('from a search without results: the query is recorded and goes into the request', async () => {
    const page = await open(sites.public, '/en/');
    const input = page.locator('[data-search-input], pagefind-input input').first();
    await input.click();
    await page.keyboard.type('zebracornflakes');
    const event = await eventArrives(sites.public, (e) => e.type === 'search' && e.query === 'zebracornflakes');
    expect(event).toMatchObject({ results: 0, clicked: false, lang: 'en' });
    // the no-results state links to the contact page with the query (the search's slot)
    const link = page.locator('[data-contact-search-link]');
    const target = (await link.count()) ? ((await link.getAttribute('href')) ?? '') : '/en/contact/?q=zebracornflakes';
    expect(target).toContain('q=zebracornflakes');
    await page.goto(new URL(target, sites.public.url).href);
    expect(await page.locator('[data-contact-query]').innerText()).toBe('zebracornflakes');
    await page.getByLabel('What were you trying to do?').fill('Order toner');
    const mail = new URL((await page.locator('[data-contact-send]').getAttribute('href')) ?? '');
    expect(mail.searchParams.get('subject')).toBe('No article found for: zebracornflakes');
    expect(mail.searchParams.get('body')).toContain('Searched for: zebracornflakes');
    expect(mail.searchParams.get('body')).toContain('Order toner');
    await page.close();
  });

  it('speaks customer words on the public site and staff words on the agent site', async () => {
    const pub = await open(sites.public, '/en/articles/printer-offline/');
    expect(await pub.locator('.escalation-title').innerText()).toBe('Still not working?');
    expect(await pub.locator('body').innerText()).not.toMatch(/Escalate to|Collect before handing over|Edit this article/);
    expect(await pub.locator('.site-nav').innerText()).not.toMatch(/level/i);
    const de = await open(sites.public, '/de/articles/drucker-offline/');
    expect(await de.locator('.escalation-title').innerText()).toBe('Immer noch nicht gelöst?');
    const home = await open(sites.public, '/en/');
    const hrefs = await home.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.some((h) => h?.includes('/levels/'))).toBe(false);
    const agent = await open(sites.internal, '/en/articles/printer-offline/');
    expect(await agent.locator('.escalation-title').innerText()).toMatch(/^Escalate to Print services \(2nd level\)/);
    expect(await agent.getByRole('link', { name: 'Edit this article' }).count()).toBe(1);
    expect(await agent.locator('#contact-support').count()).toBe(0);
    const owner = agent.getByRole('link', { name: '@fixture-print' });
    expect(await owner.getAttribute('href')).toContain('/issues/new?');
    for (const p of [pub, de, home, agent]) await p.close();
  });
});

describe('a German customer on a phone, from the search to the request', () => {
  it('searches, taps the article, says Nein, answers, and the request holds it all in German', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${sites.public.url}/`);
    await page.waitForURL(`${sites.public.url}/de/`);
    await page.locator('[data-search-input]').tap();
    // typed as on a phone without umlaut keys, as a sentence
    await page.keyboard.type('meine druckauftraege haengen');
    const result = page.locator('[data-search-results] .kb-result-link').first();
    await result.waitFor();
    await result.tap();
    await page.waitForURL(`${sites.public.url}/de/articles/drucker-offline/`);
    await page.getByRole('button', { name: 'Nein', exact: true }).tap();
    const box = page.locator('#contact-support');
    await box.waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contact-support');
    await page.getByLabel('Druckername:').tap();
    await page.keyboard.type('HR-2OG-Farbe, seit Montag');
    expect(await box.locator('[data-contact-query]').innerText()).toBe('meine druckauftraege haengen');
    // whom to call, as a German sentence
    expect(await box.locator('.contact-phone').innerText()).toMatch(/^Rufen Sie den IT-Service-Desk an: \+49/);
    const mail = new URL((await box.locator('[data-contact-send]').getAttribute('href')) ?? '');
    expect(mail.searchParams.get('subject')).toBe('Nicht gelöst: Drucker wird als offline angezeigt');
    const body = mail.searchParams.get('body') ?? '';
    expect(body.split('\r\n')).toEqual([
      'Die Selbsthilfe hat mein Problem nicht gelöst.',
      '',
      'Druckername:',
      'HR-2OG-Farbe, seit Montag',
      '',
      'Artikel: Drucker wird als offline angezeigt (de/drucker-offline)',
      `${sites.public.url}/de/articles/drucker-offline/`,
      'Gesucht nach: meine druckauftraege haengen',
    ]);
    await context.close();
  });
});

describe('copy buttons', () => {
  it('copy a code block exactly', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await open(sites.public, '/en/articles/access-denied-share/', context);
    await clickCentre(page, page.locator('.code-block .copy-code'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('whoami /groups | findstr /i "share-readers"');
    expect(await page.locator('[data-copy-status]').innerText()).toBe('Copied');
    await context.close();
  });

  it('give agents the answer without internal notes, and the ticket link in one line', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await open(sites.internal, '/en/articles/printer-offline/', context);
    // the internal note is on the page, inside the resolution
    expect(await page.locator('.internal-block').count()).toBeGreaterThan(0);
    await clickCentre(page, page.getByRole('button', { name: 'Copy answer' }));
    const answer = await page.evaluate(() => navigator.clipboard.readText());
    expect(answer).toContain('1. Turn the printer off and on again.');
    expect(answer).toContain('3. Select Open print queue and cancel the stuck jobs.');
    expect(answer).not.toMatch(/KBLEAK|Internal note|Copy/);
    await page.getByRole('button', { name: 'Copy link for ticket' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`en/printer-offline: Printer shows as offline – ${sites.internal.url}/en/articles/printer-offline/`);
    await context.close();
  });
});

describe('accessibility of the new parts', () => {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  async function violations(page: Page): Promise<string[]> {
    // evaluated, not added as a <script>: the page's Content-Security-Policy refuses inline scripts
    await page.evaluate(axeSource);
    const result = (await page.evaluate(async () =>
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
    )) as { violations: { id: string; nodes: { target: string[] }[] }[] };
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  it('is axe clean with the contact box open, on the contact page and with the agent actions', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme: theme });
      const page = await open(sites.public, '/en/articles/printer-offline/', context);
      await page.getByRole('button', { name: 'No', exact: true }).click();
      expect(await violations(page), `${theme} article with contact box`).toEqual([]);
      await page.goto(`${sites.public.url}/de/contact/?q=drucker`);
      expect(await violations(page), `${theme} contact page`).toEqual([]);
      await page.goto(`${sites.internal.url}/en/articles/access-denied-share/`);
      expect(await violations(page), `${theme} agent article`).toEqual([]);
      await context.close();
    }
  });
});

describe('layout', () => {
  it('no page of either site is wider than a 390 px phone', { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const audience of ['public', 'internal'] as const) {
      for (const path of sitemapPaths(audience)) {
        await page.goto(`${sites[audience].url}${path}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 390) wide.push(`${audience} ${path}: ${width}px`);
      }
    }
    // the opened contact box too
    await page.goto(`${sites.public.url}/en/articles/printer-offline/`);
    await page.getByRole('button', { name: 'No', exact: true }).click();
    if ((await page.evaluate(() => document.documentElement.scrollWidth)) > 390) wide.push('contact box');
    expect(wide).toEqual([]);
    await context.close();
  });

  it('keeps the table of contents in view on a wide screen', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 700 } });
    const page = await open(sites.internal, '/en/articles/printer-offline/', context);
    await page.mouse.wheel(0, 1500);
    await page.waitForFunction(() => window.scrollY > 300);
    const box = await page.locator('nav.toc').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(100);
    await context.close();
  });

  it('shows breadcrumbs to the product', async () => {
    const page = await open(sites.public, '/en/articles/printer-offline/');
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    expect(await crumbs.locator('a').allInnerTexts()).toEqual(['Home', 'Printing']);
    await Promise.all([page.waitForURL('**/en/products/printing/'), clickCentre(page, crumbs.getByRole('link', { name: 'Printing' }))]);
    await page.close();
  });
});
