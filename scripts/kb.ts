#!/usr/bin/env node
// The `kb` command line. Each command lives in scripts/commands/<name>.ts and only parses
// arguments and prints; the work happens in src/lib.
import { Command } from 'commander';
import { registerCommands } from './commands/index.ts';

const program = new Command('kb').description('Knowledge base for tiered IT support: check, report and publish articles.').showHelpAfterError();
registerCommands(program);
await program.parseAsync(process.argv);
