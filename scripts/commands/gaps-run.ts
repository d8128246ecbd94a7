import { loadKbConfig } from '../../src/lib/config.ts';
import { dayOfRun, isoDay } from '../../src/lib/dates.ts';
import { formatSearchGapsMarkdown, formatSearchGapsText, type SearchGapReport } from '../../src/lib/feedback/search-gaps.ts';
import { formatGithub, fromTicketProblem } from '../../src/lib/findings.ts';
import { analyseGaps } from '../../src/lib/gaps/analyse.ts';
import { formatMarkdown, formatText, toJson } from '../../src/lib/gaps/format.ts';
import { parseSize } from '../../src/lib/tickets/bounds.ts';
import { parseLevelRule, readLevelRules, DEFAULT_LEVEL_RULES, type LevelRule } from '../../src/lib/tickets/level-rules.ts';
import { parseMapOptions } from '../../src/lib/tickets/read.ts';

/** The options of `kb gaps`, as commander parses them (see gaps.ts). */
export interface GapsFlags {
  tickets?: string[] | undefined;
  /** Demand events (kb collect database or NDJSON): zero-result searches become search gaps. */
  searches?: string[] | undefined;
  today?: string | undefined;
  format: string;
  preset?: string | undefined;
  map: string[];
  level: string[];
  levels?: string | undefined;
  threshold: string;
  minTickets: string;
  limit: string;
  strict?: boolean | undefined;
  threads?: string | undefined;
  maxCell?: string | undefined;
}

/** `kb gaps`: returns the exit code. */
export async function runGaps(flags: GapsFlags): Promise<number> {
  try {
    if (!['text', 'markdown', 'json', 'github'].includes(flags.format))
      throw new Error(`Unexpected --format ${flags.format}, expected text, markdown, json or github`);
    const today = dayOfRun(flags.today);
    const map = parseMapOptions(flags.map);
    const maxCell = flags.maxCell === undefined ? undefined : parseSize(flags.maxCell);
    const threads = flags.threads === undefined ? undefined : Number(flags.threads);
    if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1))
      throw new Error(`Unexpected --threads ${flags.threads}, expected a whole number of at least 1`);
    const levelRules: LevelRule[] = [...(flags.levels ? await readLevelRules(flags.levels) : []), ...flags.level.map(parseLevelRule), ...DEFAULT_LEVEL_RULES];
    if (!flags.tickets?.length && !flags.searches?.length) throw new Error('Missing --tickets or --searches: give ticket exports, demand events, or both');
    const limit = Number(flags.limit);
    const search = flags.searches?.length ? await searchSection(flags.searches, today, Number(flags.minTickets)) : undefined;
    if (!flags.tickets?.length) {
      const only = search!;
      // searches have no place in a file: no annotations
      if (flags.format !== 'github')
        console.log(
          flags.format === 'json'
            ? JSON.stringify(only, null, 2)
            : flags.format === 'markdown'
              ? formatSearchGapsMarkdown(only, limit)
              : formatSearchGapsText(only, limit),
        );
      return 0;
    }
    const config = await loadKbConfig();
    let bar: { update(v: number): void; stop(): void; start(total: number, v: number): void } | undefined;
    if (process.stderr.isTTY && !process.env['CI']) {
      const { SingleBar, Presets } = await import('cli-progress');
      bar = new SingleBar({ format: 'Reading tickets [{bar}] {percentage}% | {value}/{total} MB', stream: process.stderr }, Presets.shades_classic);
    }
    let started = false;
    const report = await analyseGaps({
      contentDir: config.contentDir,
      root: config.root,
      files: flags.tickets,
      preset: flags.preset,
      map,
      levelRules,
      threshold: Number(flags.threshold),
      minTickets: Number(flags.minTickets),
      threads,
      maxCell,
      onProgress: (done, total) => {
        if (!bar) return;
        if (!started) bar.start(Math.max(1, Math.round(total / 2 ** 20)), 0);
        started = true;
        bar.update(Math.round(done / 2 ** 20));
      },
    });
    bar?.stop();
    if (flags.format === 'github') {
      // annotations for the rows and files that could not be read: the gaps themselves have no place in a file
      const t = report.tickets;
      console.log(formatGithub([...t.problems.map((p) => fromTicketProblem(p, 'error')), ...t.rejections.map((r) => fromTicketProblem(r))]));
    } else if (flags.format === 'json') console.log(JSON.stringify({ today: isoDay(today), ...JSON.parse(toJson(report)), ...search }, null, 2));
    else if (flags.format === 'markdown')
      console.log(search ? `${formatMarkdown(report, limit)}\n\n${formatSearchGapsMarkdown(search, limit)}` : formatMarkdown(report, limit));
    else console.log(search ? `${formatText(report, limit)}\n\n${formatSearchGapsText(search, limit)}` : formatText(report, limit));
    if (report.tickets.problems.length && report.tickets.accepted === 0) return 2;
    return flags.strict && report.tickets.rejected > 0 ? 1 : 0;
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
}

async function searchSection(files: string[], today: Date, minSearches: number): Promise<SearchGapReport> {
  const { silenceSqliteWarning } = await import('../../src/lib/collect/sqlite-warning.ts');
  silenceSqliteWarning();
  const { readSearchGaps } = await import('../../src/lib/feedback/read-search-gaps.ts');
  return readSearchGaps(files, { today, minSearches });
}
