import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, serve } from '../helpers/browser.ts';

// The Content-Security-Policy of every page (src/lib/csp.ts) in a real browser: markup that got
// into a page (a stored injection, a bug in an importer) does not run, and everything the site
// does itself still works under the same policy: search (Pagefind's WebAssembly, its worker and
// a dynamic import() of /pagefind/pagefind.js), the theme switch, the copy buttons.
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

interface Violation {
  directive: string;
  blocked: string;
}

/** A page that records every CSP violation from its first byte on (init scripts are not subject to the policy). */
async function watchedPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const seen: { directive: string; blocked: string }[] = [];
    (window as unknown as { kbViolations: typeof seen }).kbViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI }));
  });
  return page;
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { kbViolations: Violation[] }).kbViolations);
const pwned = (page: Page) => page.evaluate(() => (window as unknown as { kbPwned?: string[] }).kbPwned ?? []);

// What an attacker would get into an article page: an inline script, an onerror handler, a
// javascript: link and an inline style attribute with a tracking background
const HOSTILE = [
  `<script>(window.kbPwned = window.kbPwned || []).push('inline script')</script>`,
  `<img id="kb-hostile-img" src="/no-such-image.png" alt="" onerror="(window.kbPwned = window.kbPwned || []).push('onerror')">`,
  `<p><a id="kb-hostile-link" href="javascript:(window.kbPwned = window.kbPwned || []).push('javascript: link')">open</a></p>`,
].join('');

/** Serves the article with the hostile markup at the start of <main>, as a stored injection would. */
async function injectIntoArticle(page: Page): Promise<void> {
  await page.route('**/en/articles/printer-offline/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('<main id="main" tabindex="-1">', `$&${HOSTILE}`);
    expect(html).toContain('kb-hostile-img');
    await route.fulfill({ response, body: html });
  });
}

describe('an injected script does not run', () => {
  it('inline <script>, onerror handler and javascript: link in the page are blocked and reported', async () => {
    const context = await browser.newContext();
    const page = await watchedPage(context);
    await injectIntoArticle(page);
    await page.goto(`${pub.url}/en/articles/printer-offline/`);
    await page.waitForLoadState('load');
    // the image failed to load (its error event fired), so the handler had its chance
    await expect.poll(() => page.evaluate(() => (document.getElementById('kb-hostile-img') as HTMLImageElement).complete)).toBe(true);
    await page.locator('#kb-hostile-link').click();
    await expect.poll(async () => (await violations(page)).map((v) => v.directive).sort()).toEqual(['script-src-attr', 'script-src-elem', 'script-src-elem']);
    expect((await violations(page)).map((v) => v.blocked)).toEqual(expect.arrayContaining(['inline']));
    expect(await pwned(page)).toEqual([]);
    // the page itself still works: its own scripts ran (the copy button exists only through them)
    expect(await page.locator('h1').innerText()).toBe('Printer shows as offline');
    await context.close();
  });

  it('without the policy the same markup would run (the test above proves something)', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await watchedPage(context);
    await injectIntoArticle(page);
    await page.goto(`${pub.url}/en/articles/printer-offline/`);
    await page.locator('#kb-hostile-link').click();
    await expect.poll(() => pwned(page)).toEqual(expect.arrayContaining(['inline script', 'onerror', 'javascript: link']));
    await context.close();
  });

  it('a script or handler added to the page later is blocked too', async () => {
    const context = await browser.newContext();
    const page = await watchedPage(context);
    await page.goto(`${internal.url}/en/articles/printer-offline/`);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = "(window.kbPwned = window.kbPwned || []).push('added script')";
      document.body.append(script);
      const image = document.createElement('img');
      image.setAttribute('onerror', "(window.kbPwned = window.kbPwned || []).push('added onerror')");
      image.src = '/no-such-image.png';
      document.body.append(image);
      const frame = document.createElement('iframe');
      frame.src = 'https://example.com/';
      document.body.append(frame);
    });
    await expect.poll(async () => (await violations(page)).map((v) => v.directive).sort()).toEqual(['frame-src', 'script-src-attr', 'script-src-elem']);
    expect(await pwned(page)).toEqual([]);
    await context.close();
  });
});

describe('the site works under its own policy', () => {
  it('search finds articles through the search box and through the Pagefind API, on both sites', async () => {
    const context = await browser.newContext();
    for (const [server, title] of [
      [pub, 'Printer shows as offline'],
      [internal, 'Printer shows as offline'],
    ] as const) {
      const page = await watchedPage(context);
      await page.goto(`${server.url}/en/`);
      await page.locator('[data-search] input').first().fill('spooler');
      await expect.poll(() => page.locator('[data-search] a', { hasText: title }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
      // the way the rewritten search box loads Pagefind: a dynamic import of the same-origin module
      // (a string: the test runner would rewrite an import() written in this file)
      const found = (await page.evaluate(`(async () => {
        const pagefind = await import(location.origin + '/pagefind/pagefind.js');
        await pagefind.init();
        const search = await pagefind.search('printer offline');
        return Promise.all(search.results.slice(0, 3).map(async (r) => (await r.data()).meta.title));
      })()`)) as string[];
      expect(found).toContain(title);
      expect(await violations(page)).toEqual([]);
      await page.close();
    }
    await context.close();
  });

  it('the theme switch works, and the stored theme applies before the first paint', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await watchedPage(context);
    await page.goto(`${pub.url}/en/articles/printer-offline/`);
    const select = page.locator('[data-theme-select]');
    await select.focus();
    await select.selectOption('dark');
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    // the inline theme script (hashed in the policy) reads the stored choice before the page's modules run
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    expect(await select.inputValue()).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 22, 26)');
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it('copy buttons copy with the mouse and on a phone', async () => {
    for (const options of [{}, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }]) {
      const context = await browser.newContext({ ...options, permissions: ['clipboard-read', 'clipboard-write'] });
      const page = await watchedPage(context);
      await page.goto(`${pub.url}/en/articles/access-denied-share/`);
      const button = page.locator('.code-block .copy-code');
      await button.scrollIntoViewIfNeeded();
      if ('hasTouch' in options) await button.tap();
      else await button.click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('whoami /groups | findstr /i "share-readers"');
      expect(await violations(page)).toEqual([]);
      await context.close();
    }
  });
});
