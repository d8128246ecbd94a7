import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, searchAnswered, serve } from '../helpers/browser.ts';

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

const TITLES = '[data-search-results] .kb-result-link';

/** Types a query into the search box and returns the result titles once the search answered. */
async function search(page: Page, query: string): Promise<string[]> {
  await page.locator('[data-search-input]').fill(query);
  await searchAnswered(page, query);
  return page.locator(TITLES).allInnerTexts();
}

async function open(server: Server, path: string, context?: BrowserContext): Promise<Page> {
  const page = await (context ?? browser).newPage();
  await page.goto(`${server.url}${path}`);
  return page;
}

const phone = () => browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** The absolute address a link leads to. */
async function target(link: Locator): Promise<string> {
  return link.evaluate((a) => (a as HTMLAnchorElement).href);
}

/**
 * Clicks (or taps) the middle of a link the way a visitor does, by position, and returns the address
 * the browser lands on. Whatever element is on top at that point gets the click, so a link covered
 * by another one's click area fails here.
 */
async function follow(page: Page, link: Locator, how: 'mouse' | 'tap'): Promise<string> {
  await link.scrollIntoViewIfNeeded();
  const box = await link.boundingBox();
  if (!box) throw new Error('link has no box');
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  const from = page.url();
  if (how === 'mouse') await page.mouse.click(x, y);
  else await page.touchscreen.tap(x, y);
  await page.waitForURL((url) => url.href !== from, { timeout: 10_000 });
  return page.url();
}

describe('search on the public site', () => {
  it('starts loading the search index when the box gets focus on arrival, before anything is typed', async () => {
    const page = await browser.newPage();
    const loaded = page.waitForRequest((request) => request.url().endsWith('/pagefind/pagefind.js'), { timeout: 10_000 });
    await page.goto(`${pub.url}/en/`);
    expect(new URL((await loaded).url()).pathname).toBe('/pagefind/pagefind.js');
    expect(await page.locator('[data-search-input]').evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await page.locator('[data-search-input]').inputValue()).toBe('');
    await page.close();
  });
  it('loads the search index only with the first search for a visitor who asked to save data', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${pub.url}/en/`);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-search-input]').evaluate((input) => input === document.activeElement)).toBe(true);
    expect(requested).not.toContain('/pagefind/pagefind.js');
    expect(await search(page, 'printer offline')).toContain('Printer shows as offline');
    expect(requested).toContain('/pagefind/pagefind.js');
    await context.close();
  });

  it('finds an article by its words and says how many results it has', async () => {
    const page = await open(pub, '/en/');
    expect(await search(page, 'printer offline')).toContain('Printer shows as offline');
    expect(await page.locator('[data-search-status]').innerText()).toMatch(/^\d+ results? for “printer offline”$/);
    expect(await page.locator('[data-search-status]').getAttribute('role')).toBe('status');
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
    const headings = await page.locator('[data-search-results] .kb-heading-link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
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
    // the article only has "Laufzeitbibliothek"; "Laufzeit" and "Bibliothek" are words of two
    // other articles, as compound parts must be (src/lib/search/decompound.ts)
    expect(await search(page, 'Bibliothek')).toContain('Kassensystem startet nach dem Update nicht');
    await page.close();
  });

  it('finds an article by a synonym it does not use (content/synonyms.yaml)', async () => {
    const page = await open(pub, '/de/');
    // the article says "Apps" only; the synonym file groups app and anwendung
    expect(await search(page, 'Anwendung reparieren')).toContain('Kassensystem startet nach dem Update nicht');
    await page.close();
  });

  it('offers "did you mean" for a misspelt search, and the offer finds the article with a click', async () => {
    const page = await open(pub, '/de/');
    expect(await search(page, 'Luafzeitbibliothek')).toEqual([]);
    const offer = page.locator('a[data-search-suggestion]');
    await offer.first().waitFor({ timeout: 15_000 });
    expect(await offer.allInnerTexts()).toEqual(['laufzeitbibliothek']);
    await offer.first().click();
    await searchAnswered(page, 'laufzeitbibliothek');
    expect(await page.locator(TITLES).allInnerTexts()).toContain('Kassensystem startet nach dem Update nicht');
    expect(new URL(page.url()).searchParams.get('q')).toBe('laufzeitbibliothek');
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
    const hrefs = () => page.locator(TITLES).evaluateAll((links) => links.map((a) => a.getAttribute('href')));
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
    await page.waitForFunction(() => document.querySelectorAll('[data-search-results] .kb-result-link').length === 1);
    await searchAnswered(page, 'queue');
    expect(await page.locator(TITLES).allInnerTexts()).toEqual(['Faxgateway queue recovery']);
    await page.close();
  });

  it('is usable with the keyboard alone', async () => {
    const page = await open(pub, '/en/');
    // the search box has focus on arrival: type, move into the results, open one
    await page.waitForFunction(() => document.activeElement?.matches('[data-search-input]'));
    await page.keyboard.type('printer offline');
    await searchAnswered(page, 'printer offline');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe('Printer shows as offline');
    // down to the next link, up again, up back into the box
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-search-results]') !== null)).toBe(true);
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Printer shows as offline');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.matches('[data-search-input]'))).toBe(true);
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL('**/en/articles/printer-offline/'), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').innerText()).toBe('Printer shows as offline');
    await page.close();
  });
});

// Several results per query, on purpose: the old results let the last heading link's stretched
// click area catch every click, which only shows when a list has more than one result.
const QUERIES: { path: string; query: string }[] = [
  { path: '/en/', query: 'queue' },
  { path: '/en/', query: 'vpn' },
  { path: '/en/', query: 'printer offline' },
  { path: '/de/', query: 'drucker' },
  { path: '/de/', query: 'vpn' },
  { path: '/de/', query: 'warteschlange' },
];

describe.each(['mouse', 'tap'] as const)('a %s on a result opens that result', (how) => {
  it.each(QUERIES)('$path "$query": every title and the first heading link land where they point', async ({ path, query }) => {
    const context = how === 'tap' ? await phone() : await browser.newContext();
    const page = await open(pub, path, context);
    const titles = await search(page, query);
    expect(titles.length, query).toBeGreaterThan(0);
    const links = [...titles.keys()].map((i) => page.locator(TITLES).nth(i));
    const heading = page.locator('[data-search-results] .kb-heading-link').first();
    if (await heading.count()) links.push(heading);
    for (const link of links) {
      const expected = await target(link);
      expect(await follow(page, link, how), `${query}: ${expected}`).toBe(expected);
      await page.goBack();
      await searchAnswered(page, query);
    }
    await context.close();
  });
});

describe('one card per translated article', () => {
  it('lists the page language version once, with a link to the other language', async () => {
    const en = await open(pub, '/en/');
    // "offline" is in both the English and the German version
    const titles = await search(en, 'offline');
    expect(titles.filter((t) => t === 'Printer shows as offline')).toHaveLength(1);
    expect(titles).not.toContain('Drucker wird als offline angezeigt');
    const card = en.locator('.kb-result', { has: en.getByRole('link', { name: 'Printer shows as offline' }) });
    const other = card.locator('.kb-other-link');
    expect(await other.getAttribute('href')).toBe('/de/articles/drucker-offline/');
    expect(await other.getAttribute('hreflang')).toBe('de');
    expect(await other.innerText()).toBe('Drucker wird als offline angezeigt');
    expect(await card.locator('.kb-result-other').innerText()).toBe('Also in German: Drucker wird als offline angezeigt');
    // the count says what the list shows
    expect(await en.locator('[data-search-status]').innerText()).toBe(`${titles.length} result${titles.length === 1 ? '' : 's'} for “offline”`);
    await en.close();

    const de = await open(pub, '/de/');
    expect((await search(de, 'offline')).filter((t) => t.includes('offline'))).toEqual(['Drucker wird als offline angezeigt']);
    expect(await de.locator('.kb-other-link').first().getAttribute('href')).toBe('/en/articles/printer-offline/');
    await de.close();
  });

  it('shows the page language version even when only the other language matched', async () => {
    const page = await open(pub, '/en/');
    // only the German version says "Drucker"
    expect(await search(page, 'drucker')).toEqual(['Printer shows as offline']);
    expect(await page.locator(TITLES).first().getAttribute('href')).toBe('/en/articles/printer-offline/');
    expect(await page.locator('.kb-other-link').first().getAttribute('href')).toBe('/de/articles/drucker-offline/');
    // the excerpt is the German text that matched, marked as German
    expect(await page.locator('.kb-result-excerpt').first().getAttribute('lang')).toBe('de');
    await page.close();
  });

  it('follows the language filter: German chosen on /en/ shows the German version', async () => {
    const page = await open(pub, '/en/?q=offline&language=de');
    await searchAnswered(page, 'offline');
    expect(await page.locator(TITLES).allInnerTexts()).toEqual(['Drucker wird als offline angezeigt']);
    expect(await page.locator('.kb-other-link').first().getAttribute('href')).toBe('/en/articles/printer-offline/');
    await page.close();
  });
});

describe('other-language results', () => {
  it('rank after equal page-language results and carry a language tag', async () => {
    const en = await open(pub, '/en/');
    expect(await search(en, 'vpn')).toEqual(['VPN connection drops after a few minutes', 'VPN-Zertifikat abgelaufen']);
    const cards = en.locator('.kb-result');
    expect(await cards.nth(0).locator('.kb-lang-tag').count()).toBe(0);
    expect(await cards.nth(1).locator('.kb-lang-tag').innerText()).toBe('Deutsch');
    expect(await cards.nth(1).locator('.kb-lang-tag').getAttribute('lang')).toBe('de');
    expect(await cards.nth(1).locator('.kb-result-link').getAttribute('hreflang')).toBe('de');
    await en.close();

    const de = await open(pub, '/de/');
    expect(await search(de, 'vpn')).toEqual(['VPN-Zertifikat abgelaufen', 'VPN connection drops after a few minutes']);
    expect(await de.locator('.kb-result').nth(1).locator('.kb-lang-tag').innerText()).toBe('English');
    await de.close();
  });
});

describe('excerpts', () => {
  it('never show the hidden search terms (error-code spellings, compound parts)', async () => {
    const page = await open(pub, '/en/');
    /**
     * Words indexed for an article but not shown on it: its hidden search words (every Pagefind
     * meta field the cards do not show, src/lib/search/terms.ts) minus its visible words.
     */
    const hiddenOnly = (url: string) =>
      page.evaluate(async (href) => {
        const doc = new DOMParser().parseFromString(await (await fetch(href)).text(), 'text/html');
        const sources: string[] = [];
        for (const meta of doc.querySelectorAll('[data-pagefind-meta]')) {
          const field = meta.getAttribute('data-pagefind-meta') ?? '';
          if (!/^(product|title)\b/.test(field)) sources.push(meta.getAttribute('content') ?? '');
        }
        const terms = sources.join(' ').split(/\s+/).filter(Boolean);
        const visible = new Set((doc.querySelector('.article-body')?.textContent ?? '').toLowerCase().split(/[\s.,:;!?()"„“]+/));
        return terms.filter((term) => !visible.has(term.toLowerCase()));
      }, url);
    const checked = new Set<string>();
    let hiddenSeen = 0;
    for (const [path, query] of [
      ['/en/', '80070005'],
      ['/en/', 'ERR-0x00000709'],
      ['/en/', '00000709'],
      ['/de/', '00000709'],
      ['/de/', 'Laufzeit'],
      ['/de/', 'Bibliothek'],
      ['/de/', 'Warteschlange'],
    ] as const) {
      if (!page.url().endsWith(path)) await page.goto(`${pub.url}${path}`);
      const titles = await search(page, query);
      expect(titles.length, query).toBeGreaterThan(0);
      const cards = await page.locator('.kb-result').all();
      for (const card of cards) {
        const excerpt = await card.locator('.kb-result-excerpt').innerText();
        // the excerpt's source is the matched page: the title link, or the language link when it was swapped
        for (const link of await card.locator('.kb-result-link, .kb-other-link').all()) {
          const url = await target(link);
          const hidden = await hiddenOnly(url);
          checked.add(url);
          hiddenSeen += hidden.length;
          for (const term of hidden) expect(excerpt.split(/\s+/), `"${query}": ${url} shows its hidden term ${term}`).not.toContain(term);
        }
        expect(excerpt, query).not.toMatch(/ERR-/);
      }
    }
    // the check saw articles, and hidden terms that are not words of their page
    expect(checked.size).toBeGreaterThanOrEqual(3);
    expect(hiddenSeen).toBeGreaterThan(0);
    await page.close();
  });
});

describe('the search is in the address', () => {
  it('writes the query and filters into the address while typing', async () => {
    const page = await open(pub, '/en/');
    await search(page, 'queue');
    expect(new URL(page.url()).search).toBe('?q=queue');
    await page.getByLabel('Level', { exact: true }).selectOption('3');
    await searchAnswered(page, 'queue');
    expect(new URL(page.url()).search).toBe('?q=queue&level=3');
    await page.locator('[data-search-input]').fill('');
    await page.getByLabel('Level', { exact: true }).selectOption('');
    await page.waitForURL((url) => url.search === '');
    expect(await page.locator(TITLES).count()).toBe(0);
    await page.close();
  });

  it('restores a sent search link on arrival', async () => {
    const page = await open(pub, '/en/?q=queue&level=3');
    await searchAnswered(page, 'queue');
    expect(await page.locator('[data-search-input]').inputValue()).toBe('queue');
    expect(await page.getByLabel('Level', { exact: true }).inputValue()).toBe('3');
    expect(await page.locator(TITLES).allInnerTexts()).toEqual(['Faxgateway queue recovery']);
    await page.close();
  });

  it('treats the address as text: markup in q stays text, unknown filter values are ignored', async () => {
    const page = await open(pub, `/en/?q=${encodeURIComponent('<img src=x id=injected>')}&level=9&product=../../etc`);
    await searchAnswered(page, '<img src=x id=injected>');
    expect(await page.locator('[data-search-input]').inputValue()).toBe('<img src=x id=injected>');
    expect(await page.locator('#injected').count()).toBe(0);
    expect(await page.getByLabel('Level', { exact: true }).inputValue()).toBe('');
    // the words of the markup are searched as words; the status names them as text
    expect(await page.locator('[data-search-status] *').count()).toBe(0);
    expect(await page.locator('[data-search-status]').innerText()).toContain('No article has “img src injected”.');
    await page.close();
  });

  it('is back after opening a result and going Back (page reloaded)', async () => {
    const page = await open(pub, '/de/');
    await search(page, 'vpn');
    await page.getByLabel('Produkt', { exact: true }).selectOption('network');
    await searchAnswered(page, 'vpn');
    expect(await follow(page, page.locator(TITLES).first(), 'mouse')).toContain('/de/articles/vpn-zertifikat-abgelaufen/');
    await page.goBack();
    await searchAnswered(page, 'vpn');
    expect(new URL(page.url()).search).toBe('?q=vpn&product=network');
    expect(await page.locator('[data-search-input]').inputValue()).toBe('vpn');
    expect(await page.getByLabel('Produkt', { exact: true }).inputValue()).toBe('network');
    expect(await page.locator(TITLES).allInnerTexts()).toEqual(['VPN-Zertifikat abgelaufen', 'VPN connection drops after a few minutes']);
    await page.close();
  });

  it('is back after going Back with the back/forward cache', async () => {
    const cached = await launchBrowser({ backForwardCache: true });
    try {
      const page = await cached.newPage();
      await page.goto(`${pub.url}/en/`);
      await search(page, 'queue');
      await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
      const link = page.locator(TITLES).last();
      const expected = await target(link);
      expect(await follow(page, link, 'mouse')).toBe(expected);
      await page.goBack({ waitUntil: 'commit' });
      await page.waitForFunction(() => document.querySelector('[data-search-input]') !== null);
      // the page came from the cache: what the script set before leaving is still there
      expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
      await searchAnswered(page, 'queue');
      expect(new URL(page.url()).search).toBe('?q=queue');
      expect(await page.locator('[data-search-input]').inputValue()).toBe('queue');
      expect(await page.locator(TITLES).allInnerTexts()).toEqual(expect.arrayContaining(['Printer shows as offline', 'Faxgateway queue recovery']));
    } finally {
      await cached.close();
    }
  });
});

describe('results on a phone and with the keyboard', () => {
  it('shows a focus ring on every result link reached with the keyboard', async () => {
    const page = await open(pub, '/en/');
    await search(page, 'printer offline');
    await page.keyboard.press('ArrowDown');
    const count = await page.locator('[data-search-results] a').count();
    for (let i = 0; i < count; i++) {
      const ring = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement;
        const style = getComputedStyle(a);
        return {
          focusVisible: a.matches(':focus-visible'),
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
          shadow: style.boxShadow,
          text: a.textContent,
        };
      });
      expect(ring.focusVisible, ring.text ?? '').toBe(true);
      expect(ring.outline !== 'none 0px' || ring.shadow !== 'none', `${ring.text}: ${ring.outline} / ${ring.shadow}`).toBe(true);
      expect(parseFloat(ring.outline.split(' ')[1] ?? '0'), ring.text ?? '').toBeGreaterThanOrEqual(2);
      await page.keyboard.press('ArrowDown');
    }
    await page.close();
  });

  it('gives every result link a touch target of at least 24 px and keeps the page within 390 px', async () => {
    const context = await phone();
    for (const [path, query] of [
      ['/en/', 'printer offline'],
      ['/en/', 'vpn'],
      ['/de/', 'drucker'],
      ['/de/', 'ERR-0x00000709'],
    ] as const) {
      const page = await open(pub, path, context);
      await search(page, query);
      const small = await page
        .locator('[data-search-results] a')
        .evaluateAll((links) => links.map((a) => a.getBoundingClientRect()).filter((r) => r.height < 24 || r.width < 24).length);
      expect(small, `${path} ${query}`).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} ${query}`).toBeLessThanOrEqual(390);
      await page.close();
    }
    await context.close();
  });
});

describe('nothing found', () => {
  it('says so, and offers the contact page with the query on the public site', async () => {
    const page = await open(pub, '/en/');
    expect(await search(page, 'zebracornflakes')).toEqual([]);
    expect(await page.locator('[data-search-status]').innerText()).toBe('No results for “zebracornflakes”.');
    const empty = page.locator('[data-search-empty]');
    expect(await empty.isVisible()).toBe(true);
    const contact = empty.locator('[data-contact-search-link]');
    expect(new URL((await contact.getAttribute('href')) ?? '', pub.url).pathname + new URL((await contact.getAttribute('href')) ?? '', pub.url).search).toBe(
      '/en/contact/?q=zebracornflakes',
    );
    expect(await follow(page, contact, 'mouse')).toBe(`${pub.url}/en/contact/?q=zebracornflakes`);
    await page.close();
  });

  it('does not count a word that Pagefind matched only by a one-letter prefix as found', async () => {
    // Pagefind falls back to the longest indexed word a query word begins with: "axyzzy" finds
    // every English page with the word "a"
    const page = await open(pub, '/en/');
    expect(await search(page, 'axyzzy')).toEqual([]);
    expect(await page.locator('[data-search-status]').innerText()).toBe('No results for “axyzzy”.');
    expect(await page.locator('[data-search-empty]').isVisible()).toBe(true);
    expect(new URL((await page.locator('[data-contact-search-link]').getAttribute('href')) ?? '', pub.url).search).toBe('?q=axyzzy');
    await page.close();
  });

  it('searches without a word no article has and names it; the found article opens with a tap', async () => {
    const context = await phone();
    const page = await open(pub, '/de/', context);
    expect(await search(page, 'drucker xyzzyqq')).toEqual(['Drucker wird als offline angezeigt']);
    expect(await page.locator('[data-search-status]').innerText()).toBe('1 Ergebnis für „drucker“. Kein Artikel enthält „xyzzyqq“.');
    // the address keeps what was typed, so Back restores the same search
    expect(new URL(page.url()).searchParams.get('q')).toBe('drucker xyzzyqq');
    expect(new URL(await follow(page, page.locator(TITLES).first(), 'tap')).pathname).toBe('/de/articles/drucker-offline/');
    await context.close();
  });

  it('offers to search without filters when the filters left nothing', async () => {
    const page = await open(pub, '/de/?q=vpn&level=1');
    await searchAnswered(page, 'vpn');
    expect(await page.locator(TITLES).allInnerTexts()).toEqual(['VPN connection drops after a few minutes']);
    await page.getByLabel('Level', { exact: true }).selectOption('3');
    await searchAnswered(page, 'vpn');
    expect(await page.locator(TITLES).count()).toBe(0);
    await page.getByRole('button', { name: 'Ohne Filter suchen' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-search-results] .kb-result-link').length === 2);
    expect(new URL(page.url()).search).toBe('?q=vpn');
    await page.close();
  });
});

describe('a German customer on a phone', () => {
  // arrives at / with a German browser, taps the box and types as people do on a phone
  const german = () => browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'de-DE' });
  async function typeOnPhone(page: Page, query: string): Promise<string[]> {
    await page.goto(`${pub.url}/`);
    await page.waitForURL(`${pub.url}/de/`);
    await page.locator('[data-search-input]').tap();
    await page.keyboard.type(query);
    await searchAnswered(page, query);
    return page.locator(TITLES).allInnerTexts();
  }

  it('finds the article when umlauts are typed as ae, oe, ue, and the tap lands on it', async () => {
    const context = await german();
    const page = await context.newPage();
    // the article says "Druckaufträge hängen"
    expect((await typeOnPhone(page, 'druckauftraege haengen'))[0]).toBe('Drucker wird als offline angezeigt');
    expect(await page.locator('[data-search-status]').innerText()).toMatch(/^\d+ Ergebnis(se)? für „druckauftraege haengen“$/);
    expect(new URL(await follow(page, page.locator(TITLES).first(), 'tap')).pathname).toBe('/de/articles/drucker-offline/');
    await context.close();
  });

  it('finds the article by its error code written short, as people write it (0x709 for 0x00000709)', async () => {
    const context = await german();
    const page = await context.newPage();
    expect(await typeOnPhone(page, '0x709')).toEqual(['Drucker wird als offline angezeigt']);
    expect(new URL(await follow(page, page.locator(TITLES).first(), 'tap')).pathname).toBe('/de/articles/drucker-offline/');
    await context.close();
  });

  it('finds the article for a question typed as a sentence, although no article has every word', async () => {
    const context = await german();
    const page = await context.newPage();
    expect((await typeOnPhone(page, 'mein drucker geht nicht'))[0]).toBe('Drucker wird als offline angezeigt');
    // the status says what was searched and which words no article has
    expect(await page.locator('[data-search-status]').innerText()).toMatch(/^1 Ergebnis für „drucker“\. Kein Artikel enthält „mein geht“\.$/);
    expect(await page.locator('[data-search-empty]').isVisible()).toBe(false);
    expect(new URL(await follow(page, page.locator(TITLES).first(), 'tap')).pathname).toBe('/de/articles/drucker-offline/');
    // Back: the same search, as typed
    await page.goBack();
    await searchAnswered(page, 'mein drucker geht nicht');
    expect(await page.locator('[data-search-input]').inputValue()).toBe('mein drucker geht nicht');
    await context.close();
  });
});

describe('search on the agent site', () => {
  it('finds internal articles, marks public and internal results, and offers an audience filter', async () => {
    const page = await open(internal, '/en/');
    expect(await search(page, 'split tunnel')).toContain('KBLEAKMARKERTITLE VPN split tunnel routes for the lab network');
    const card = page.locator('.kb-result', { hasText: 'KBLEAKMARKERTITLE' });
    expect(await card.locator('.kb-audience').innerText()).toBe('Internal');
    await search(page, 'printer offline');
    expect(await page.locator('.kb-result').first().locator('.kb-audience').innerText()).toBe('Public');
    await search(page, 'split tunnel');
    await page.getByLabel('Audience', { exact: true }).selectOption('internal');
    await page.waitForFunction(() => document.querySelectorAll('[data-search-results] .kb-result-link').length === 1);
    await page.getByLabel('Audience', { exact: true }).selectOption('public');
    await page.waitForFunction(() => document.querySelectorAll('[data-search-results] .kb-result-link').length === 0);
    // agents have no contact page: the empty state helps without one
    expect(await page.locator('[data-search-empty] [data-contact-search-link]').count()).toBe(0);
    expect(await page.locator('[data-search-empty]').isVisible()).toBe(true);
    await page.close();
  });

  it('opens results with a mouse click in German', async () => {
    const page = await open(internal, '/de/');
    await search(page, 'drucker');
    const link = page.locator(TITLES).first();
    expect(await follow(page, link, 'mouse')).toBe(`${internal.url}/de/articles/drucker-offline/`);
    await page.close();
  });
});
