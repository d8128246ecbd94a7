import { readEventFiles } from '../collect/ndjson.ts';
import { searchGaps, type SearchGapReport } from './search-gaps.ts';
import { summariseFeedback } from './summarise.ts';

/** `kb gaps --searches FILE|DB`: the zero-result searches of the events files, clustered. */
export async function readSearchGaps(files: readonly string[], options: { today: Date; minSearches?: number }): Promise<SearchGapReport> {
  const source = await readEventFiles(files);
  for (const r of source.rejected.slice(0, 10)) console.error(`${r.file}:${r.line}: ${r.message}`);
  const summary = summariseFeedback(source.events, { today: options.today });
  return {
    searches: { read: source.read, rejected: source.rejected.length, zeroResults: summary.zeroResults.reduce((n, q) => n + q.count, 0) },
    searchGaps: searchGaps(summary.zeroResults, options.minSearches === undefined ? {} : { minSearches: options.minSearches }),
  };
}
