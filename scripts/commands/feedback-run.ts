import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readEventFiles } from '../../src/lib/collect/ndjson.ts';
import { loadKbConfig } from '../../src/lib/config.ts';
import { readArticles } from '../../src/lib/content/read-articles.ts';
import { dayOfRun } from '../../src/lib/dates.ts';
import { formatFeedback, type FeedbackFormat } from '../../src/lib/feedback/format.ts';
import { searchGaps } from '../../src/lib/feedback/search-gaps.ts';
import { summariseFeedback } from '../../src/lib/feedback/summarise.ts';

export interface FeedbackFlags {
  events: string[];
  format: string;
  today?: string | undefined;
  days?: string | undefined;
  site?: string | undefined;
  limit: string;
}

/** `kb feedback`: returns the exit code. */
export async function runFeedback(flags: FeedbackFlags): Promise<number> {
  const fail = (message: string) => {
    console.error(`kb feedback: ${message}`);
    return 2;
  };
  if (!['text', 'markdown', 'json'].includes(flags.format)) return fail(`Unexpected --format "${flags.format}", expected text, markdown or json`);
  let today: Date;
  try {
    today = dayOfRun(flags.today);
  } catch (error) {
    return fail((error as Error).message);
  }
  if (flags.days !== undefined && !/^[1-9]\d*$/.test(flags.days)) return fail(`Unexpected --days "${flags.days}", expected a whole number of days`);
  if (flags.site !== undefined && flags.site !== 'public' && flags.site !== 'internal')
    return fail(`Unexpected --site "${flags.site}", expected public or internal`);
  if (!/^\d+$/.test(flags.limit)) return fail(`Unexpected --limit "${flags.limit}", expected a whole number`);
  if (!flags.events.length) return fail('Missing --events: give the collector database or an NDJSON events file');

  let source;
  try {
    source = await readEventFiles(flags.events);
  } catch (error) {
    return fail((error as Error).message);
  }
  for (const r of source.rejected.slice(0, 20)) console.error(`${r.file}:${r.line}: ${r.message}`);
  if (source.rejected.length > 20) console.error(`… and ${source.rejected.length - 20} more rejected lines`);

  const report = summariseFeedback(source.events, {
    today,
    days: flags.days === undefined ? undefined : Number(flags.days),
    site: flags.site as 'public' | 'internal' | undefined,
    read: source.read,
    rejected: source.rejected.length,
  });
  // titles from the content folder when there is one: ids alone are hard to read
  const config = await loadKbConfig();
  if (existsSync(join(config.contentDir, 'articles'))) {
    const titles = new Map((await readArticles(config.contentDir, config.root)).map((a) => [a.id, a.data?.title]));
    for (const entry of report.articles) {
      const title = titles.get(entry.id);
      if (title) entry.title = title;
    }
  }
  const gaps = searchGaps(report.zeroResults);
  const output =
    flags.format === 'json'
      ? `${JSON.stringify({ ...report, searchGaps: gaps }, null, 2)}\n`
      : formatFeedback(report, flags.format as FeedbackFormat, Number(flags.limit));
  process.stdout.write(output);
  return 0;
}
