import type { Command } from 'commander';

/** Every `kb` subcommand registers itself here. */
export function registerCommands(program: Command): void {
  program
    .command('check')
    .description('check every article (placeholder until kb check lands)')
    .action(() => {});
}
