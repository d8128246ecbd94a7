import type { Command } from 'commander';
import * as check from './check.ts';
import * as stale from './stale.ts';
import * as gaps from './gaps.ts';
import * as create from './new.ts';
import * as importer from './import.ts';
import * as owners from './owners.ts';
import * as lifecycle from './lifecycle.ts';
import * as collect from './collect.ts';
import * as feedback from './feedback.ts';

/**
 * Every `kb` subcommand lives in its own module and exports `register(program)`. Modules import
 * their heavy dependencies inside the action, so `kb --help` stays fast.
 */
export function registerCommands(program: Command): void {
  for (const command of [check, stale, gaps, create, importer, owners, collect, feedback, lifecycle]) command.register(program);
}
