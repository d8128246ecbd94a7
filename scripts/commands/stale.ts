import { Option, type Command } from 'commander';

interface StaleCliOptions {
  today?: string;
  format: 'text' | 'markdown' | 'json' | 'github';
  groupBy: 'owner' | 'product' | 'none';
  owner?: string;
  product?: string;
  failOn?: string;
  gitMaxAge: string;
  translationLag: string;
  git: boolean;
  tickets?: string[];
  withoutHistory: 'fail' | 'warn';
  events?: string[];
  minVotes: string;
  helpfulBelow: string;
}

/** `kb stale`: which articles need review, and why. The rules live in src/lib/stale. */
export function register(program: Command): void {
  program
    .command('stale')
    .description('List articles that need review: overdue reviews, old files, end-of-life versions, broken links, outdated translations.')
    .option('--today <YYYY-MM-DD>', 'day the report is for (default: today, UTC)')
    .addOption(
      new Option('--format <format>', 'output format (github: annotations for GitHub Actions)').choices(['text', 'markdown', 'json', 'github']).default('text'),
    )
    .addOption(new Option('--group-by <key>', 'group the text and Markdown report').choices(['owner', 'product', 'none']).default('owner'))
    .option('--owner <handle>', 'only articles of this owner (@team or team)')
    .option('--product <id>', 'only articles about this product')
    .option('--fail-on <codes>', 'exit 1 when a listed reason code is found (comma-separated, or "any")')
    .option('--git-max-age <days>', 'git-unchanged: days without a commit before a file is stale', '365')
    .option('--translation-lag <days>', 'translation-outdated: days a translation may trail its source', '30')
    .option('--no-git', 'do not read git history (skips git-unchanged)')
    .option('--tickets <files...>', 'ticket exports for ticket-based reasons (provided by kb gaps)')
    .addOption(
      new Option('--without-history <action>', 'when --fail-on names git-unchanged (or any) but there is no (full) git history: fail (exit 1) or warn')
        .choices(['fail', 'warn'])
        .default('warn'),
    )
    .option('--events <files...>', 'demand events (kb collect database or NDJSON) for the unhelpful reason')
    .option('--min-votes <n>', 'unhelpful: fewest "Did this solve your problem?" answers since the review', '10')
    .option('--helpful-below <percent>', 'unhelpful: helpful rate (yes answers in %) below which an article is stale', '50')
    .addHelpText(
      'after',
      '\nExit codes: 0 report written, 1 --fail-on matched, 2 error (bad option, unreadable content folder).\nReason codes: see docs/stale.md.',
    )
    .action(async (options: StaleCliOptions) => {
      try {
        process.exitCode = await runCommand(options);
      } catch (error) {
        console.error(`kb stale: ${(error as Error).message}`);
        process.exitCode = 2;
      }
    });
}

async function runCommand(options: StaleCliOptions): Promise<number> {
  const { existsSync } = await import('node:fs');
  const { articlesDir } = await import('../../src/lib/content/read-articles.ts');
  const { loadKbConfig } = await import('../../src/lib/config.ts');
  const { dayOfRun } = await import('../../src/lib/dates.ts');
  const { isReasonCode, REASON_CODES } = await import('../../src/lib/stale/codes.ts');
  const { runStale } = await import('../../src/lib/stale/run.ts');
  const { formatReport } = await import('../../src/lib/stale/format.ts');

  let today: Date;
  try {
    today = dayOfRun(options.today);
  } catch (error) {
    return usage((error as Error).message);
  }
  const gitMaxAge = days(options.gitMaxAge);
  const translationLag = days(options.translationLag);
  if (gitMaxAge === undefined) return usage(`Unexpected --git-max-age "${options.gitMaxAge}", expected a whole number of days`);
  if (translationLag === undefined) return usage(`Unexpected --translation-lag "${options.translationLag}", expected a whole number of days`);
  const failOn = (options.failOn ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = failOn.filter((code) => code !== 'any' && !isReasonCode(code));
  if (unknown.length) return usage(`Unexpected --fail-on code "${unknown.join('", "')}", expected any or one of: ${Object.keys(REASON_CODES).join(', ')}`);

  const minVotes = days(options.minVotes);
  const helpfulBelow = days(options.helpfulBelow);
  if (!minVotes) return usage(`Unexpected --min-votes "${options.minVotes}", expected a whole number of at least 1`);
  if (helpfulBelow === undefined || helpfulBelow > 100)
    return usage(`Unexpected --helpful-below "${options.helpfulBelow}", expected a percentage from 0 to 100`);

  const config = await loadKbConfig();
  if (!existsSync(articlesDir(config.contentDir))) {
    throw new Error(`Cannot read content folder ${config.contentDir}: it has no articles/ folder (set KB_CONTENT_DIR or run from the project root)`);
  }
  const extraProviders = [];
  if (options.tickets?.length) {
    // ticket reasons come from kb gaps: loaded only when ticket exports are given
    const { ticketStaleProvider } = await import('../../src/lib/gaps/stale-provider.ts');
    extraProviders.push(await ticketStaleProvider({ files: options.tickets, contentDir: config.contentDir, root: config.root }));
  }

  if (options.events?.length) {
    // helpful answers come from kb collect: node:sqlite is loaded only when events are given
    const { silenceSqliteWarning } = await import('../../src/lib/collect/sqlite-warning.ts');
    silenceSqliteWarning();
    const { readEventFiles } = await import('../../src/lib/collect/ndjson.ts');
    const { helpfulStaleProvider } = await import('../../src/lib/feedback/stale-provider.ts');
    const source = await readEventFiles(options.events);
    for (const r of source.rejected.slice(0, 10)) console.error(`${r.file}:${r.line}: ${r.message}`);
    if (source.rejected.length) console.error(`kb stale: ${source.rejected.length} of ${source.read} events rejected`);
    extraProviders.push(helpfulStaleProvider(source.events, { minVotes, threshold: helpfulBelow / 100 }));
  }

  const { report } = await runStale({
    contentDir: config.contentDir,
    root: config.root,
    today,
    reviewEvery: config.reviewEvery,
    git: options.git,
    gitMaxAge,
    translationLag,
    extraProviders,
    owner: options.owner,
    product: options.product,
  });
  const color = options.format === 'text' && process.stdout.isTTY === true && !process.env['NO_COLOR'];
  process.stdout.write(formatReport(report, options.format, { groupBy: options.groupBy, color, linkBase: `${config.repository}/blob/${config.branch}` }));

  if (!failOn.length) return 0;
  const { NO_HISTORY_WARNINGS } = await import('../../src/lib/stale/run.ts');
  const blind = report.warnings.filter((w) => NO_HISTORY_WARNINGS.has(w.code));
  if (blind.length && (failOn.includes('any') || failOn.includes('git-unchanged'))) {
    // a gate on git-unchanged that could not look at the history must never pass silently
    const what = `--fail-on ${failOn.join(',')} could not check git-unchanged: ${blind.map((w) => w.message).join(' ')}`;
    if (options.withoutHistory === 'fail') {
      console.error(`kb stale: ${what} (--without-history fail)`);
      return 1;
    }
    console.error(`kb stale: warning: ${what} (--without-history warn; use fail to stop the build)`);
  }
  const failing = report.articles.filter((a) => a.reasons.some((r) => failOn.includes('any') || failOn.includes(r.code)));
  if (!failing.length) return 0;
  console.error(`kb stale: ${failing.length} ${failing.length === 1 ? 'article has' : 'articles have'} reasons listed in --fail-on ${failOn.join(',')}`);
  return 1;
}

function days(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

function usage(message: string): number {
  console.error(`kb stale: ${message}`);
  return 2;
}
