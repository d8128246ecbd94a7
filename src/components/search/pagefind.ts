import type { Pagefind } from '../../lib/search/pagefind-types.ts';
import { searchRanking } from '../../lib/search/ranking.ts';

export interface PagefindSetup {
  /** Site path of the bundle folder (`/pagefind/`, with the site's base). */
  bundle: string;
  /** Site base for result URLs (`/`, or `/docs/` when deployed below a folder). */
  baseUrl: string;
  /** Language of the other index to merge in, when the site has articles in both languages. */
  mergeLang?: string | undefined;
}

let loading: Promise<Pagefind> | undefined;

/**
 * Loads Pagefind once per page: the page language's index, the other language's merged in, and
 * every filter (so result counts know which hits are two language versions of one article).
 */
export function loadPagefind(setup: PagefindSetup): Promise<Pagefind> {
  loading ??= (async () => {
    const bundle = new URL(setup.bundle, location.href).href;
    const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
    // searchRanking weighs the hidden search words (compound parts, synonyms: src/lib/search/terms.ts)
    await pagefind.options({ baseUrl: setup.baseUrl, excerptLength: 30, ranking: searchRanking });
    // an absolute URL: Pagefind skips a merged bundle whose path is a prefix of the primary's
    if (setup.mergeLang) await pagefind.mergeIndex(bundle, { language: setup.mergeLang, baseUrl: setup.baseUrl, ranking: searchRanking });
    await pagefind.filters();
    return pagefind;
  })();
  // a failed load (offline, blocked) may be retried by the next search
  loading.catch(() => (loading = undefined));
  return loading;
}
