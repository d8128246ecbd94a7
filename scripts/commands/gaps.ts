import type { Command } from 'commander';
import type { GapsFlags } from './gaps-run.ts';
import { collect } from './options.ts';

export function register(program: Command): void {
  program
    .command('gaps')
    .description('read ticket exports and report topics without an article, shift-left candidates and link metrics')
    .option('--tickets <files...>', 'ticket exports: CSV (, ; tab), JSON array or NDJSON; UTF-8, UTF-16 or Windows-1252')
    .option('--searches <files...>', 'demand events (kb collect database or NDJSON): searches without results become search gaps')
    .option('--format <format>', 'text, markdown, json or github (annotations for the rejected rows)', 'text')
    .option('--preset <name>', 'column preset: zendesk, jira, jira-comments, servicenow, freshdesk, otrs, glpi, generic (default: detected from the header)')
    .option('--map <field=Column>', 'map one column (repeatable), e.g. --map id=Ticket-Nr; --map id=@line numbers rows', collect, [])
    .option('--level <pattern=level>', 'which queue or group means which level (repeatable), e.g. "2nd-Level::=2"', collect, [])
    .option('--levels <file>', 'YAML file of pattern: level')
    .option('--threshold <0-1>', 'minimum share of a ticket’s main terms an article must contain (0.375: 3 of 8)', '0.375')
    .option('--min-tickets <n>', 'smallest topic reported as a gap (tickets, or searches for search gaps)', '3')
    .option('--limit <n>', 'gaps listed in text and Markdown', '15')
    .option('--strict', 'exit 1 when any row is rejected')
    .option('--threads <n>', 'threads that read one large CSV export together (default: the cores, at most 4; 1: one thread)')
    .option('--max-cell <size>', 'largest cell a row may have (default 1MB); a row with a larger one is rejected as cell-too-large')
    .option('--today <YYYY-MM-DD>', 'day of the report')
    .addHelpText(
      'after',
      '\nGive --tickets, --searches or both (search gaps are listed after the ticket gaps; JSON adds searches and searchGaps).\nEvery row is accepted or rejected with its line and reason: read = accepted + rejected.\nExit codes: 0 report written, 1 rejected rows with --strict, 2 error.',
    )
    .action(async (flags: GapsFlags) => {
      const { runGaps } = await import('./gaps-run.ts');
      process.exitCode = await runGaps(flags);
    });
}
