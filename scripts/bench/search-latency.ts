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
 * the first query includes loading the WebAssembly and index; later queries are warm. Each
 * query also loads the data of its top five results, as a results list does.
 */
export async function measureSearch(siteDir: string, firstQueries: string[]): Promise<{ firstMs: number; medianMs: number }> {
  const server = await serve(siteDir);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/en/`);
    const timings = await page.evaluate(async (queries) => {
      const pagefind = await import('/pagefind/pagefind.js' as string);
      const timeQuery = async (q: string) => {
        const t0 = performance.now();
        const result = await pagefind.search(q);
        await Promise.all(result.results.slice(0, 5).map((r: { data: () => Promise<unknown> }) => r.data()));
        return performance.now() - t0;
      };
      const first = await timeQuery(queries[0] ?? 'printer');
      const later: number[] = [];
      for (let i = 0; i < 20; i++) later.push(await timeQuery(`${queries[(i % (queries.length - 1)) + 1]} ${i % 2 ? '' : 'service'}`.trim()));
      return { first, later };
    }, firstQueries);
    const sorted = [...timings.later].sort((a, b) => a - b);
    const medianMs = ((sorted[9] ?? 0) + (sorted[10] ?? 0)) / 2;
    return { firstMs: timings.first, medianMs };
  } finally {
    await browser.close();
    await server.close();
  }
}
