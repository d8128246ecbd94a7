import { Option, type Command } from 'commander';
import { collect } from './options.ts';

/** `kb feedback`: what readers said about articles and searched for in vain. Logic: src/lib/feedback. */
export function register(program: Command): void {
  program
    .command('feedback')
    .description('report helpful rates per article and the searches that found nothing, from kb collect events')
    .option('--events <file>', 'the kb collect database (events.sqlite) or an NDJSON events file (repeatable)', collect, [])
    .option('--db <file>', 'same as --events', collect, [])
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--today <YYYY-MM-DD>', 'day the report is for; later events are left out (default: today, UTC)')
    .option('--days <n>', 'count only the last n days up to --today (default: all events)')
    .addOption(new Option('--site <site>', 'only events from this site').choices(['public', 'internal']))
    .option('--limit <n>', 'rows per list in text and Markdown', '20')
    .addHelpText(
      'after',
      '\nLists articles by helpful rate (least helpful first), searches without results and searches whose results\nnobody opened, and contact requests. JSON adds searchGaps: the zero-result searches clustered into topics.\nEvents format and collector: docs/collect.md. Exit codes: 0 report written, 2 error.',
    )
    .action(async (flags: { events: string[]; db: string[]; format: string; today?: string; days?: string; site?: string; limit: string }) => {
      const { silenceSqliteWarning } = await import('../../src/lib/collect/sqlite-warning.ts');
      silenceSqliteWarning();
      const { runFeedback } = await import('./feedback-run.ts');
      process.exitCode = await runFeedback({ ...flags, events: [...flags.events, ...flags.db] });
    });
}
