import type { Command } from 'commander';
import type { NewFlags } from './new-run.ts';

export function register(program: Command): void {
  program
    .command('new')
    .description('write a new article from the KCS template (asks on a terminal; flags for scripts and CI)')
    .option('--title <text>', 'title: the symptom, as users describe it')
    .option('--level <1|2|3>', 'lowest support level that can apply the fix')
    .option('--audience <public|internal>', 'public (customers) or internal (staff only)')
    .option('--product <id>', 'product id from content/taxonomy.yaml')
    .option('--lang <en|de>', 'language of the article')
    .option('--tags <ids>', 'comma-separated tag ids')
    .option('--slug <slug>', 'file name (default: from the title)')
    .option('--owner <handle>', 'owner (default: git config user.email, else the product owner)')
    .option('--translation-of <id>', 'translate an article (<lang>/<slug>): copies level, product, tags, error codes and its translation key')
    .option(
      '--from-ticket <id>',
      'fill Symptom and Environment from this ticket (personal data redacted, written as plain text that MDX cannot run) and link it',
    )
    .option('--tickets <file>', 'the ticket export for --from-ticket: CSV (, ; tab), JSON array or NDJSON; UTF-8, UTF-16 or Windows-1252')
    .option('--preset <name>', 'column preset of the export, as in kb gaps (default: detected from the header)')
    .option(
      '--map <field=Column>',
      'map one column of the export (repeatable), e.g. --map id=Ticket-Nr',
      (value: string, previous: string[]) => [...previous, value],
      [],
    )
    .option('--today <YYYY-MM-DD>', 'review date to write (default: today)')
    .option('--dry-run', 'print the article instead of writing it')
    .addHelpText('after', '\nExample:\n  npx kb new --title "Outlook cannot find the mail server" --level 2 --audience internal --product mail --lang en\n')
    .action(async (options: NewFlags) => {
      const { runNew } = await import('./new-run.ts');
      process.exitCode = await runNew(options);
    });
}
