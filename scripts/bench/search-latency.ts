import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, serve } from '../../test/helpers/browser.ts';

export async function directorySize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/**
 * Search latency as a visitor's browser sees it, through Pagefind's own API on the built site:
 * loading Pagefind as the UI does on focus (script, WebAssembly, metadata) is timed first, then the first query
 * (which loads the index chunks it needs), then warm queries. Each
 * query also loads the data of its top five results, as a results list does. `startPage` is
 * the page the browser opens first (a Starlight site has no /en/).
 */
export async function measureSearch(
  siteDir: string,
  firstQueries: string[],
  startPage = '/en/',
): Promise<{ initMs: number; firstMs: number; medianMs: number }> {
  const server = await serve(siteDir);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}${startPage}`);
    const timings = await page.evaluate(async (queries) => {
      // The search UI loads Pagefind when the search box gets focus, which the home page gives
      // it on arrival: it creates an instance and reads the filters (WebAssembly and language
      // metadata). That load is timed on its own, as the UI does it, then the first query.
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
      const first = await timeQuery(queries[0] ?? 'printer');
      const later: number[] = [];
      for (let i = 0; i < 20; i++) later.push(await timeQuery(`${queries[(i % (queries.length - 1)) + 1]} ${i % 2 ? '' : 'service'}`.trim()));
      return { init, first, later };
    }, firstQueries);
    const sorted = [...timings.later].sort((a, b) => a - b);
    const medianMs = ((sorted[9] ?? 0) + (sorted[10] ?? 0)) / 2;
    return { initMs: timings.init, firstMs: timings.first, medianMs };
  } finally {
    await browser.close();
    await server.close();
  }
}
