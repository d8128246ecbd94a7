import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, readSearchState, sameSearchState, searchStateHref } from '../../src/lib/search/search-url.ts';

const options = { level: ['1', '2', '3'], product: ['printing'], language: ['en', 'de'] };

describe('search state in the address', () => {
  it('reads the query and the filters the page offers', () => {
    expect(readSearchState('?q=%20printer%20%20offline%20&level=1&product=printing&language=de', options)).toEqual({
      query: 'printer offline',
      filters: { level: '1', product: 'printing', language: 'de' },
    });
  });

  it('drops filter values the page does not offer and caps the query', () => {
    const state = readSearchState(`?q=${'x'.repeat(5000)}&level=9&audience=internal&product=<script>`, options);
    expect(state.query).toHaveLength(MAX_QUERY_LENGTH);
    expect(state.filters).toEqual({});
  });

  it('writes q and filters, keeps other parameters and the fragment, and leaves no ? when empty', () => {
    const href = searchStateHref('https://kb.example/de/?utm=x&q=alt#top', { query: 'Kennwort vergessen', filters: { level: '2' } });
    expect(href).toBe('https://kb.example/de/?utm=x&q=Kennwort+vergessen&level=2#top');
    expect(searchStateHref('https://kb.example/de/?q=alt&level=1', { query: '  ', filters: {} })).toBe('https://kb.example/de/');
  });

  it('round-trips', () => {
    const state = { query: 'drucker & scanner?', filters: { product: 'printing' } };
    const back = readSearchState(new URL(searchStateHref('https://kb.example/en/', state)).search, options);
    expect(sameSearchState(back, state)).toBe(true);
  });
});
