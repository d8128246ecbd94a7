/**
 * The search's state in the page address (`?q=printer&level=1&product=printing`), so a search can
 * be sent as a link and Back from an article returns to it. The address is outside input: values
 * are trimmed, capped and checked against the filter options the page offers.
 */

export const SEARCH_FILTER_KEYS = ['level', 'product', 'language', 'audience'] as const;
export type SearchFilterKey = (typeof SEARCH_FILTER_KEYS)[number];

export interface SearchState {
  query: string;
  filters: Partial<Record<SearchFilterKey, string>>;
}

/** Longest query kept from an address (a search box needs no more; a crafted link gets no further). */
export const MAX_QUERY_LENGTH = 200;

/** The search state of an address; filters only with a value the page offers (`options`). */
export function readSearchState(search: string | URLSearchParams, options: Partial<Record<SearchFilterKey, readonly string[]>>): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const query = (params.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
  const filters: SearchState['filters'] = {};
  for (const key of SEARCH_FILTER_KEYS) {
    const value = params.get(key);
    if (value && options[key]?.includes(value)) filters[key] = value;
  }
  return { query, filters };
}

/**
 * The address with this search state: `q` and the set filters, in a fixed order; other
 * parameters and the fragment stay. An empty state leaves no `?`.
 */
export function searchStateHref(current: string | URL, state: SearchState): string {
  const url = new URL(current);
  url.searchParams.delete('q');
  for (const key of SEARCH_FILTER_KEYS) url.searchParams.delete(key);
  const query = state.query.trim();
  if (query) url.searchParams.set('q', query);
  for (const key of SEARCH_FILTER_KEYS) {
    const value = state.filters[key];
    if (value) url.searchParams.set(key, value);
  }
  return url.href;
}

/** Same state (same query and filters)? */
export function sameSearchState(a: SearchState, b: SearchState): boolean {
  return a.query.trim() === b.query.trim() && SEARCH_FILTER_KEYS.every((key) => (a.filters[key] ?? '') === (b.filters[key] ?? ''));
}
