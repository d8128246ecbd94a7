import { loadKbConfig } from '../config.ts';
import { parseSize } from '../tickets/bounds.ts';
import { parseMapOptions } from '../tickets/read.ts';
import { parseLevelRule, readLevelRules, DEFAULT_LEVEL_RULES, type LevelRule } from '../tickets/level-rules.ts';
import { analyseGaps } from './analyse.ts';
import { formatMarkdown, formatText, toJson } from './format.ts';

export interface GapsCommandFlags {
  tickets: string[];
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
export async function runGaps(flags: GapsCommandFlags): Promise<number> {
  try {
    if (!['text', 'markdown', 'json'].includes(flags.format)) throw new Error(`Unexpected --format ${flags.format}, expected text, markdown or json`);
    const map = parseMapOptions(flags.map);
    const maxCell = flags.maxCell === undefined ? undefined : parseSize(flags.maxCell);
    const threads = flags.threads === undefined ? undefined : Number(flags.threads);
    if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) throw new Error(`Unexpected --threads ${flags.threads}, expected a whole number of at least 1`);
    const levelRules: LevelRule[] = [...(flags.levels ? await readLevelRules(flags.levels) : []), ...flags.level.map(parseLevelRule), ...DEFAULT_LEVEL_RULES];
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
    const limit = Number(flags.limit);
    console.log(flags.format === 'json' ? toJson(report) : flags.format === 'markdown' ? formatMarkdown(report, limit) : formatText(report, limit));
    if (report.tickets.problems.length && report.tickets.accepted === 0) return 2;
    return flags.strict && report.tickets.rejected > 0 ? 1 : 0;
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
}
