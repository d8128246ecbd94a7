import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('owners')
    .description('not implemented yet')
    .action(() => {
      console.error('kb owners is not implemented yet');
      process.exitCode = 2;
    });
}
