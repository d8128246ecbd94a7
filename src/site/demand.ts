import { readEventFiles } from '../lib/collect/ndjson.ts';
import { searchGaps, type SearchGap } from '../lib/feedback/search-gaps.ts';
import { summariseFeedback, type FeedbackReport } from '../lib/feedback/summarise.ts';
import { settings } from './context.ts';
import { healthDay } from './health.ts';

let demand: Promise<{ report: FeedbackReport; gaps: SearchGap[] } | undefined> | undefined;
/**
 * `kb feedback` over the demand events the build is given (KB_EVENTS=events.sqlite or NDJSON,
 * comma-separated), read once for both languages of the health page; undefined without events.
 */
export function demandData(): Promise<{ report: FeedbackReport; gaps: SearchGap[] } | undefined> {
  const files = settings.events;
  demand ??= files.length ? load(files) : Promise.resolve(undefined);
  return demand;
}

async function load(files: string[]) {
  const today = healthDay();
  const source = await readEventFiles(files);
  const report = summariseFeedback(source.events, { today, read: source.read, rejected: source.rejected.length });
  return { report, gaps: searchGaps(report.zeroResults) };
}
