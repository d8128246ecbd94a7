// The search box and its result cards, on the Pagefind JS API. A bundled module (the sites send a
// Content-Security-Policy: no inline scripts or handlers). Cards are built as DOM nodes from text.
import { isLang, type Lang } from '../../lib/levels.ts';
import { fill } from '../../lib/i18n.ts';
import { hitLang, loadCards, rankHits, uniqueCount, type LoadedResults, type PageLink } from '../../lib/search/result-cards.ts';
import { resultPage, type LoadedPage } from '../../lib/search/result-page.ts';
import { readSearchState, sameSearchState, searchStateHref, SEARCH_FILTER_KEYS, type SearchFilterKey, type SearchState } from '../../lib/search/search-url.ts';
import type { Hit, Pagefind, SearchOptions } from '../../lib/search/pagefind-types.ts';
import { loadPagefind } from './pagefind.ts';
import { renderCard, type RenderContext } from './render.ts';
import { suggestFor } from './did-you-mean.ts';
import { loadTermList } from '../../lib/search/did-you-mean.ts';
import { looserQueries, notInTermList, rewriteQuery, unknownWords, wordsNotOnPages } from '../../lib/search/unmatched-words.ts';
import { respell } from '../../lib/search/umlauts.ts';

/** Cards shown at first and added by "Show more results". */
const PAGE_SIZE = 10;
/** Results whose pages are read to tell a found word from one Pagefind matched by a short prefix. */
const CHECKED_PAGES = 5;
/** Pause after the last keystroke before searching. */
const DEBOUNCE_MS = 150;

interface Config extends Omit<RenderContext, 'lang'> {
  lang: string;
  bundle: string;
  base: string;
  mergeLang?: string;
}

/** One search's results as far as they are loaded. */
interface View extends LoadedResults<Hit, LoadedPage> {
  state: SearchState;
  /** The query the results are for: the typed one without the words no article has. */
  searched: string;
  /** Typed words no article has (unmatched-words.ts), named in the status. */
  missing: string[];
}

const root = document.querySelector<HTMLElement>('[data-search]:not([data-ready])');
if (root) setUp(root);

function setUp(root: HTMLElement): void {
  root.dataset['ready'] = '';
  const config = JSON.parse(root.dataset['config'] ?? '{}') as Config;
  const lang: Lang = isLang(config.lang) ? config.lang : 'en';
  const context: RenderContext = { ...config, lang };
  const strings = config.strings;
  const form = root.querySelector<HTMLFormElement>('[data-search-form]');
  const input = root.querySelector<HTMLInputElement>('[data-search-input]');
  const list = root.querySelector<HTMLOListElement>('[data-search-results]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const empty = root.querySelector<HTMLElement>('[data-search-empty]');
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]');
  if (!form || !input || !list || !status || !empty || !more) return;
  const selects = new Map<SearchFilterKey, HTMLSelectElement>();
  for (const select of root.querySelectorAll<HTMLSelectElement>('select[data-filter]')) {
    const key = select.dataset['filter'] as SearchFilterKey;
    if (SEARCH_FILTER_KEYS.includes(key)) selects.set(key, select);
  }
  const filterOptions = Object.fromEntries([...selects].map(([key, select]) => [key, [...select.options].map((o) => o.value).filter(Boolean)]));
  const setup = { bundle: config.bundle, baseUrl: config.base, mergeLang: config.mergeLang };
  const searchedLangs = config.mergeLang ? [lang, config.mergeLang] : [lang];

  let run = 0;
  let view: View | undefined;
  // the other language version of a translated article, looked up once per page view
  const translations = new Map<string, Promise<PageLink | undefined>>();

  const currentState = (): SearchState => {
    const filters: SearchState['filters'] = {};
    for (const [key, select] of selects) if (select.value) filters[key] = select.value;
    return { query: input.value.replace(/\s+/g, ' ').trim(), filters };
  };
  const applyState = (state: SearchState) => {
    input.value = state.query;
    for (const [key, select] of selects) select.value = state.filters[key] ?? '';
  };
  const searchOptions = (state: SearchState): SearchOptions => ({ filters: { ...state.filters } });

  const lookUpTranslation = (pagefind: Pagefind, key: string, matched: LoadedPage): Promise<PageLink | undefined> => {
    let found = translations.get(key);
    if (!found) {
      found = pagefind
        .search(null, { filters: { translation: key } })
        .then(async (response) => {
          const hit = response.results.find((h) => hitLang(h.id) !== matched.lang);
          if (!hit) return undefined;
          const page = resultPage(await hit.data(), hitLang(hit.id), location.href);
          return { url: page.url, title: page.title, lang: page.lang };
        })
        .catch(() => undefined);
      translations.set(key, found);
    }
    return found;
  };

  const setStatus = (text: string, state: 'idle' | 'loading' | 'done' | 'error', query: string) => {
    status.textContent = text;
    root.dataset['searchState'] = state;
    root.dataset['searchFor'] = query;
    list.setAttribute('aria-busy', String(state === 'loading'));
  };

  const countText = (state: SearchState, total: number) =>
    fill(state.query ? (strings[total === 1 ? 'resultsOne' : 'resultsMany'] ?? '') : (strings[total === 1 ? 'articlesOne' : 'articlesMany'] ?? ''), {
      n: total.toLocaleString(lang),
      query: state.query,
    });

  const showEmpty = async (state: SearchState, pagefind: Pagefind, id: number) => {
    empty.hidden = false;
    const clear = empty.querySelector<HTMLElement>('[data-search-clear-filters]');
    if (clear) clear.hidden = Object.keys(state.filters).length === 0;
    // the contact page gets the query, so the customer's search is not lost
    for (const a of empty.querySelectorAll<HTMLAnchorElement>('[data-contact-search-link]')) {
      const url = new URL(a.href, location.href);
      if (state.query) url.searchParams.set('q', state.query);
      else url.searchParams.delete('q');
      a.href = url.href;
    }
    const suggestion = empty.querySelector<HTMLElement>('[data-search-suggest]');
    if (!suggestion) return;
    suggestion.hidden = true;
    if (!state.query) return;
    const offers = await suggestFor(state.query, {
      lang,
      base: config.base,
      countResults: async (query) => (await pagefind.search(query, searchOptions(state))).results.length,
    }).catch(() => []);
    if (id !== run || offers.length === 0) return;
    const links = offers.slice(0, 3).map((offer) => {
      const a = document.createElement('a');
      a.href = searchStateHref(location.href, { ...state, query: offer });
      a.textContent = offer;
      a.dataset['searchSuggestion'] = offer;
      return a;
    });
    const target = suggestion.querySelector<HTMLElement>('[data-search-suggest-links]') ?? suggestion;
    target.replaceChildren(...links.flatMap((a, i) => (i ? [', ', a] : [a])));
    suggestion.hidden = false;
  };

  const render = async (pagefind: Pagefind, current: View, cards: number, id: number, focusIndex?: number) => {
    const load = async (hit: Hit) => resultPage(await hit.data(), hitLang(hit.id), location.href);
    const { shown, more: hasMore } = await loadCards(current, cards, load, (key, matched) => lookUpTranslation(pagefind, key, matched));
    if (id !== run) return;
    list.replaceChildren(...shown.map((card) => renderCard(card, context)));
    more.hidden = !hasMore;
    empty.hidden = true;
    const found = current.total
      ? countText({ ...current.state, query: current.searched }, current.total)
      : fill(strings['noResults'] ?? '', { query: current.state.query });
    const missing = current.total && current.missing.length ? `. ${fill(strings['notFoundWords'] ?? '', { words: current.missing.join(' ') })}` : '';
    setStatus(found + missing, 'done', current.state.query);
    if (current.total === 0) await showEmpty(current.state, pagefind, id);
    if (focusIndex !== undefined) list.children[focusIndex]?.querySelector<HTMLAnchorElement>('a.kb-result-link')?.focus();
  };

  const clear = () => {
    view = undefined;
    list.replaceChildren();
    more.hidden = true;
    empty.hidden = true;
    setStatus('', 'idle', '');
  };

  const updateAddress = (state: SearchState) => {
    const href = searchStateHref(location.href, state);
    if (href !== location.href) history.replaceState(history.state, '', href);
  };

  /**
   * Starts loading the pages of the first cards at once (Pagefind keeps each page once loaded): the
   * unmatched-word check reads five of them, the cards all, so neither waits for the other's fetches.
   */
  const prefetch = (hits: readonly Hit[]) => {
    for (const hit of hits.slice(0, PAGE_SIZE)) hit.data().catch(() => undefined);
  };

  /** The typed words no result has (see unmatched-words.ts); [] when that cannot be told. */
  const unmatched = async (query: string, hits: readonly Hit[]): Promise<string[]> => {
    const pages = await Promise.all(hits.slice(0, CHECKED_PAGES).map((hit) => hit.data()));
    // the term lists are fetched only for a word the first results do not hold: the lists of both
    // languages searched, as a German word on /en/ is found in the German articles
    const suspects = wordsNotOnPages(query, pages);
    if (!suspects.length) return [];
    const words = await knownWords();
    return words ? notInTermList(suspects, words.list) : [];
  };

  /**
   * The words of the languages searched (their term lists), joined once per page view with a set
   * for look-ups; undefined when a list cannot be fetched (the next search tries again).
   */
  let knownOnce: Promise<{ list: string[]; set: ReadonlySet<string> } | undefined> | undefined;
  const knownWords = () =>
    (knownOnce ??= Promise.all(searchedLangs.map((searched) => loadTermList(config.base, searched))).then(
      (lists) => {
        const list = lists.flat();
        return { list, set: new Set(list) };
      },
      () => (knownOnce = undefined),
    ));

  /** For a search that found nothing: the typed words no article of the languages searched has. */
  const unknown = async (query: string): Promise<string[]> => {
    const words = await knownWords();
    return words ? unknownWords(query, words.list) : [];
  };

  const search = async (immediate: boolean) => {
    const id = ++run;
    const state = currentState();
    updateAddress(state);
    if (!state.query && Object.keys(state.filters).length === 0) return clear();
    setStatus(status.textContent ?? '', 'loading', state.query);
    try {
      const pagefind = await loadPagefind(setup);
      const options = searchOptions(state);
      const response = !state.query
        ? await pagefind.search(null, options)
        : immediate
          ? await pagefind.search(state.query, options)
          : await pagefind.debouncedSearch(state.query, options, DEBOUNCE_MS);
      // null: a newer keystroke superseded this search
      if (!response || id !== run) return;
      const preferred = state.filters.language && isLang(state.filters.language) ? state.filters.language : lang;
      let hits = rankHits(response.results, preferred);
      let translationCounts = response.filters['translation'];
      prefetch(hits);
      // words Pagefind matched by a short prefix only ("xyzzyqq" found as "x") find nothing, and
      // one word no article has empties the whole search ("drucker geht nicht"): both are left out
      const unfound = !state.query ? [] : hits.length ? await unmatched(state.query, hits) : await unknown(state.query);
      // a word typed without umlaut keys ("zuruecksetzen") is searched as the site spells it
      const respelled = new Map<string, string>();
      const known = unfound.length ? await knownWords() : undefined;
      for (const word of unfound) {
        const spelling = known && respell(word, known.set);
        if (spelling) respelled.set(word, spelling);
      }
      if (id !== run) return;
      const missing = unfound.filter((word) => !respelled.has(word));
      let searched = unfound.length ? rewriteQuery(state.query, missing, respelled) : state.query;
      if (unfound.length) {
        const again = searched ? await pagefind.search(searched, options) : undefined;
        if (id !== run) return;
        hits = again ? rankHits(again.results, preferred) : [];
        prefetch(hits);
        translationCounts = again?.filters['translation'];
      }
      // every word is known, but no article has them all ("drucker ist offline"): leave out the
      // most common words, one more at a time, until something is found; the status says what was searched
      if (!hits.length && searched) {
        const vocabulary = await knownWords();
        for (const looser of vocabulary ? looserQueries(searched, vocabulary.list) : []) {
          const again = await pagefind.search(looser, options);
          if (id !== run) return;
          if (!again.results.length) continue;
          hits = rankHits(again.results, preferred);
          prefetch(hits);
          translationCounts = again.filters['translation'];
          searched = looser;
          break;
        }
      }
      view = {
        state,
        searched,
        missing,
        preferred,
        hits,
        total: uniqueCount(hits.length, translationCounts),
        pages: [],
        loaded: 0,
      };
      await render(pagefind, view, PAGE_SIZE, id);
    } catch (error) {
      if (id !== run) return;
      console.error('search failed', error);
      list.replaceChildren();
      more.hidden = true;
      setStatus(strings['searchFailed'] ?? '', 'error', state.query);
    }
  };

  input.addEventListener('input', () => void search(false));
  for (const select of selects.values()) select.addEventListener('change', () => void search(true));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search(true);
  });
  more.addEventListener('click', async () => {
    const current = view;
    if (!current) return;
    const id = run;
    const before = list.children.length;
    await render(await loadPagefind(setup), current, before + PAGE_SIZE, id, before);
  });
  empty.querySelector('[data-search-clear-filters]')?.addEventListener('click', () => {
    for (const select of selects.values()) select.value = '';
    void search(true);
    input.focus();
  });
  // a suggestion is a real link (it can be opened in a new tab); a plain click searches in place
  empty.addEventListener('click', (event) => {
    const a = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-search-suggestion]');
    if (!a || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    input.value = a.dataset['searchSuggestion'] ?? '';
    input.focus();
    void search(true);
  });

  // arrow keys: from the box into the results and between their links; Escape goes back to the box
  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a[href]')];
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown') return;
    const first = links()[0];
    if (!first) return;
    event.preventDefault();
    first.focus();
  });
  list.addEventListener('keydown', (event) => {
    const all = links();
    const index = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (index < 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? all[Math.min(index + 1, all.length - 1)] : all[index - 1];
      (next ?? input).focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      input.focus();
    }
  });

  // the address is the search: restore it on arrival (also after Back when the page was not kept
  // in the back/forward cache) and whenever a kept page is shown again with another address
  const restore = () => {
    const wanted = readSearchState(location.search, filterOptions);
    const shown = view?.state ?? { query: '', filters: {} };
    if (sameSearchState(wanted, currentState()) && sameSearchState(wanted, shown)) return;
    applyState(wanted);
    void search(true);
  };
  restore();
  addEventListener('pageshow', (event) => {
    if (event.persisted) restore();
  });

  // Pagefind (its WebAssembly, both languages' metadata and the filters) loads when the box gets
  // focus, which it gets on arrival: the first search then only fetches the index chunks it needs.
  // A visitor who asked the browser to save data loads it with the first search instead.
  const saveData = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;
  if (!saveData) input.addEventListener('focus', () => void loadPagefind(setup).catch(() => undefined), { once: true });

  // search first: the box takes focus on arrival unless the visitor already moved focus
  requestAnimationFrame(() => {
    if (document.activeElement === document.body || document.activeElement === null) input.focus({ preventScroll: true });
  });
}
