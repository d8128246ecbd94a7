import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('check')
    .description('not implemented yet')
    .action(() => {
      console.error('kb check is not implemented yet');
    });
}
