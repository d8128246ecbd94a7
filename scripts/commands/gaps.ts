import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('gaps')
    .description('not implemented yet')
    .action(() => {
      console.error('kb gaps is not implemented yet');
      process.exitCode = 2;
    });
}
