import { SEARCH_TERM_FIELDS } from './terms.ts';

/**
 * Pagefind ranking options for both sites: pass as `ranking` to `pagefind.options()` (or to
 * `configureInstance()` of the Component UI). Without them the hidden-term fields count like
 * any meta field (weight 1) and title compounds found by a part rank like body words.
 *
 * The weights follow where the words came from: title-derived words like the title itself
 * (Pagefind's default title weight is 5), body-derived words like one more body word.
 * Measured with `npm run bench -- search-de` (notes in docs/search.md).
 */
export const searchRanking = {
  metaWeights: {
    title: 5,
    [SEARCH_TERM_FIELDS.title]: 5,
    [SEARCH_TERM_FIELDS.body]: 1,
  },
} as const;
