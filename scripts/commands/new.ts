import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('new')
    .description('not implemented yet')
    .action(() => {
      console.error('kb new is not implemented yet');
      process.exitCode = 2;
    });
}
