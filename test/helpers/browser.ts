import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import sirv from 'sirv';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Starts Debian's Chromium. A missing browser is an error, never a skip: CI installs it, and a
 * browser test that silently skips protects nothing. Playwright switches the back/forward cache
 * off; `backForwardCache` keeps it on, as in a visitor's browser.
 */
export async function launchBrowser(options: { backForwardCache?: boolean } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    ...(options.backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Serves a built site on a free loopback port, as a static host would (404.html for misses). */
export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const handler = sirv(dir, { dev: false, etag: true });
  const server: Server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Waits until the site's search answered `query` (not an earlier one) and its cards are on the page. */
export async function searchAnswered(page: Page, query: string): Promise<void> {
  await page.waitForFunction(
    (q) => {
      const root = document.querySelector<HTMLElement>('[data-search]');
      return root?.dataset['searchState'] === 'done' && root.dataset['searchFor'] === q;
    },
    query,
    { timeout: 15_000 },
  );
}
