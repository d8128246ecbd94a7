import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { launchBrowser, serve } from './browser.ts';

/**
 * Runs queries against a built site's Pagefind index in Chromium, as the site's search does,
 * and returns the URLs of the first `depth` results of each. `ranking` is passed to
 * `pagefind.options()` (our sites pass `searchRanking`; plain Pagefind passes nothing).
 * Loading Pagefind's own JavaScript in a browser is what visitors run; in Node it needs
 * fetch of file URLs and a worker shim, so the browser is the reliable place.
 */
export async function runQueries(
  siteDir: string,
  lang: string,
  queries: readonly string[],
  options: { ranking?: unknown; depth?: number } = {},
): Promise<string[][]> {
  const server = await serve(siteDir);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    // the page's <html lang> picks the index language, as on the site
    await page.goto(`${server.url}/${lang}/`);
    // a string, not a function: the test runner rewrites an import() written in this file, and
    // the browser must run the import itself
    const args = JSON.stringify({ queries: [...queries], ranking: options.ranking ?? null, depth: options.depth ?? 5 });
    return (await page.evaluate(`(async ({ queries, ranking, depth }) => {
      const pagefind = await import(location.origin + '/pagefind/pagefind.js');
      await pagefind.options({ ...(ranking ? { ranking } : {}), excerptLength: 10 });
      await pagefind.init();
      const out = [];
      for (const query of queries) {
        const search = await pagefind.search(query);
        const top = await Promise.all(search.results.slice(0, depth).map((r) => r.data()));
        out.push(top.map((d) => d.url));
      }
      return out;
    })(${args})`)) as string[][];
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * A copy of a built site's pages without our hidden search words (the `kbtitle`/`kbterms`
 * meta fields), for indexing with plain Pagefind: the baseline of the search benchmark.
 */
export function copyWithoutHiddenTerms(siteDir: string, outDir: string): number {
  let pages = 0;
  for (const entry of readdirSync(siteDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const from = join(entry.parentPath, entry.name);
    const rel = relative(siteDir, from);
    if (rel.startsWith('pagefind')) continue;
    const to = join(outDir, rel);
    mkdirSync(dirname(to), { recursive: true });
    if (entry.name.endsWith('.html')) {
      writeFileSync(to, readFileSync(from, 'utf8').replace(/<meta data-pagefind-meta="kb(?:title|terms)\[content\]"[^>]*>/g, ''));
      pages++;
    } else copyFileSync(from, to);
  }
  return pages;
}

/** hit@1, hit@5 and mean reciprocal rank (over the first five) of the first right URL. */
export function knownItemScores(
  results: readonly string[][],
  expected: readonly (readonly string[])[],
): { n: number; hit1: number; hit5: number; mrr: number } {
  let hit1 = 0;
  let hit5 = 0;
  let rr = 0;
  results.forEach((urls, i) => {
    const rank = urls.slice(0, 5).findIndex((url) => expected[i]!.includes(url));
    if (rank === 0) hit1++;
    if (rank >= 0) {
      hit5++;
      rr += 1 / (rank + 1);
    }
  });
  const n = results.length || 1;
  return { n: results.length, hit1: hit1 / n, hit5: hit5 / n, mrr: rr / n };
}
