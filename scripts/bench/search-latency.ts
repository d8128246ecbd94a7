import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, serve } from '../../test/helpers/browser.ts';
import { median as middle } from '../../src/lib/median.ts';

export async function directorySize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** The median of a run's timings (NaN for none). */
export const median = (values: number[]): number => middle(values) ?? NaN;

/**
 * Opens `startPage` of the site in `visits` fresh pages, one after another, and returns what
 * `measure` gives for each (the site served and one browser for all of them).
 */
async function eachVisit<T>(siteDir: string, startPage: string, visits: number, measure: (page: Page) => Promise<T>): Promise<T[]> {
  const server = await serve(siteDir);
  const browser = await launchBrowser();
  const runs: T[] = [];
  try {
    for (let visit = 0; visit < visits; visit++) {
      const page = await browser.newPage();
      await page.goto(`${server.url}${startPage}`);
      runs.push(await measure(page));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return runs;
}

/** The later queries of one visit: the list after the first, twice, every other one with "service" added. */
const laterQueries = (queries: string[]) => Array.from({ length: 20 }, (_, i) => `${queries[(i % (queries.length - 1)) + 1]} ${i % 2 ? '' : 'service'}`.trim());

/**
 * Search latency of the engine, through Pagefind's own API on the built site (the same for any
 * Pagefind site, so comparable with Starlight): loading Pagefind as a UI does on focus (script,
 * WebAssembly, metadata, filters) is timed first, then the first query (which loads the index
 * chunks it needs), then 20 later queries. Each query also loads the data of its top five results,
 * as a results list does. `visits` fresh pages (median of each figure); `startPage` is the page the
 * browser opens first: one without a search box, whose own loading would run at the same time (our
 * home page starts loading Pagefind on arrival).
 */
export async function measureSearch(
  siteDir: string,
  firstQueries: string[],
  startPage = '/en/contact/',
  visits = 5,
): Promise<{ initMs: number; firstMs: number; medianMs: number }> {
  const runs = await eachVisit(siteDir, startPage, visits, (page) =>
    page.evaluate(
      async ({ first, later }) => {
        const t0 = performance.now();
        const pagefind = (await import('/pagefind/pagefind.js' as string)).createInstance({});
        await pagefind.filters();
        const init = performance.now() - t0;
        const timeQuery = async (q: string) => {
          const t0 = performance.now();
          const result = await pagefind.search(q);
          await Promise.all(result.results.slice(0, 5).map((r: { data: () => Promise<unknown> }) => r.data()));
          return performance.now() - t0;
        };
        const firstMs = await timeQuery(first);
        const laterMs: number[] = [];
        for (const q of later) laterMs.push(await timeQuery(q));
        return { init, first: firstMs, later: laterMs };
      },
      { first: firstQueries[0] ?? 'printer', later: laterQueries(firstQueries) },
    ),
  );
  return { initMs: median(runs.map((r) => r.init)), firstMs: median(runs.map((r) => r.first)), medianMs: median(runs.flatMap((r) => r.later)) };
}

/**
 * Search latency as a visitor of our site sees it: the home page opens (its search box takes focus
 * and starts loading Pagefind), the visitor reads for a second and submits a query; timed from the
 * submit until the result cards are shown (the search UI marks that with data-search-state="done"):
 * both languages' indexes searched, the unmatched-word check, the cards' pages and translations
 * loaded. Then 20 later queries the same way. `visits` fresh pages; medians.
 */
export async function measureSearchUi(siteDir: string, queries: string[], visits = 5): Promise<{ firstMs: number; medianMs: number }> {
  const runs = await eachVisit(siteDir, '/en/', visits, async (page) => {
    await page.waitForTimeout(1000);
    const times = await page.evaluate(
      async (all) => {
        const root = document.querySelector<HTMLElement>('[data-search]');
        const input = root?.querySelector<HTMLInputElement>('[data-search-input]');
        const form = root?.querySelector<HTMLFormElement>('[data-search-form]');
        if (!root || !input || !form) throw new Error('no search box on /en/');
        const timeQuery = (query: string) =>
          new Promise<number>((resolve) => {
            const t0 = performance.now();
            const observer = new MutationObserver(() => {
              if (root.dataset['searchState'] !== 'done' || root.dataset['searchFor'] !== query) return;
              observer.disconnect();
              resolve(performance.now() - t0);
            });
            observer.observe(root, { attributes: true });
            input.value = query;
            form.requestSubmit();
          });
        const out: number[] = [];
        for (const query of all) out.push(await timeQuery(query));
        return out;
      },
      [queries[0] ?? 'printer', ...laterQueries(queries)],
    );
    return { first: times[0] ?? NaN, later: times.slice(1) };
  });
  return { firstMs: median(runs.map((r) => r.first)), medianMs: median(runs.flatMap((r) => r.later)) };
}
