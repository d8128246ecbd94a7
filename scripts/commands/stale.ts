import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('stale')
    .description('not implemented yet')
    .action(() => {
      console.error('kb stale is not implemented yet');
      process.exitCode = 2;
    });
}
