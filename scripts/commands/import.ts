import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('import')
    .description('not implemented yet')
    .action(() => {
      console.error('kb import is not implemented yet');
      process.exitCode = 2;
    });
}
