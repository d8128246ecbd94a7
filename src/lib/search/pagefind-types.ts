/**
 * The part of Pagefind's browser search API (`pagefind/pagefind.js` of each built site, Pagefind 1.6)
 * that the search uses. Types after pagefind_web_js/types/index.d.ts: the module is loaded from the
 * built site at run time, so it is typed here instead of imported.
 */

export type FilterCounts = Record<string, Record<string, number>>;

export interface SearchOptions {
  filters?: Record<string, string | string[]>;
}

export interface WeightedLocation {
  weight: number;
  balanced_score: number;
  location: number;
}

export interface Anchor {
  element: string;
  id: string;
  title?: string;
  text?: string;
  location: number;
}

export interface SubResult {
  title: string;
  url: string;
  locations: number[];
  weighted_locations: WeightedLocation[];
  anchor?: Anchor;
}

export interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  anchors: Anchor[];
  locations: number[];
  weighted_locations: WeightedLocation[];
  sub_results: SubResult[];
}

export interface Hit {
  id: string;
  score: number;
  data: () => Promise<Fragment>;
}

export interface SearchResponse {
  results: Hit[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface IndexOptions {
  baseUrl?: string;
  language?: string;
  excerptLength?: number;
  /** Ranking parameters, including `metaWeights` per meta field (src/lib/search/ranking.ts). */
  ranking?: { metaWeights?: Readonly<Record<string, number>>; termFrequency?: number; termSimilarity?: number; pageLength?: number; termSaturation?: number };
}

export interface Pagefind {
  options(options: IndexOptions): Promise<void>;
  init(): Promise<void>;
  mergeIndex(bundlePath: string, options?: IndexOptions): Promise<void>;
  search(term: string | null, options?: SearchOptions): Promise<SearchResponse>;
  debouncedSearch(term: string, options?: SearchOptions, debounceMs?: number): Promise<SearchResponse | null>;
  preload(term: string, options?: SearchOptions): Promise<void>;
  filters(): Promise<FilterCounts>;
}
