import type { Command } from 'commander';

const DEFAULT_SOURCE = 'https://github.com/endoflife-date/endoflife.date/archive/refs/heads/master.tar.gz';

/** `kb lifecycle`: the product end-of-support data in content/lifecycle/. The logic lives in src/lib/lifecycle. */
export function register(program: Command): void {
  const lifecycle = program
    .command('lifecycle')
    .description('Product end-of-support data (content/lifecycle/): refresh the endoflife.date snapshot, list versions without a known end.');

  lifecycle
    .command('update')
    .description('Refresh content/lifecycle/endoflife-date.yaml from endoflife.date (the products listed under `import` in local.yaml).')
    .option('--source <dir|file|url>', 'a checkout of endoflife.date, a .tar.gz of one, or the URL of such an archive', DEFAULT_SOURCE)
    .option('--product <ids...>', "endoflife.date product ids to keep besides local.yaml's import list")
    .option('--today <YYYY-MM-DD>', 'day written into the snapshot (default: today, UTC)')
    .addHelpText('after', '\nRun it in CI on a schedule and open a pull request with the changed file. Exit codes: 0 written, 2 error.\nSee docs/lifecycle.md.')
    .action(async (options: { source: string; product?: string[]; today?: string }) => {
      try {
        const { join, relative } = await import('node:path');
        const { loadKbConfig } = await import('../../src/lib/config.ts');
        const { dayOfRun } = await import('../../src/lib/dates.ts');
        const { updateLifecycle } = await import('../../src/lib/lifecycle/update.ts');
        const { LIFECYCLE_DIR } = await import('../../src/lib/lifecycle/read.ts');
        const today = dayOfRun(options.today);
        const config = await loadKbConfig();
        const result = await updateLifecycle({ source: options.source, dir: join(config.contentDir, LIFECYCLE_DIR), products: options.product, today });
        console.log(
          `Wrote ${relative(config.root, result.file)}: ${result.products.length} products${result.commit ? ` from commit ${result.commit.slice(0, 12)}` : ''}.`,
        );
        for (const change of result.changes) console.log(`  changed ${change}`);
        if (result.missing.length) console.warn(`kb lifecycle: not found at the source (renamed or removed there?): ${result.missing.join(', ')}`);
      } catch (error) {
        console.error(`kb lifecycle update: ${(error as Error).message}`);
        process.exitCode = 2;
      }
    });

  lifecycle
    .command('check')
    .description('Say how old the snapshot is and list taxonomy versions without a known end of support.')
    .option('--max-age <days>', 'exit 1 when the snapshot is older than this', '120')
    .option('--today <YYYY-MM-DD>', 'day to judge the snapshot age on (default: today, UTC)')
    .action(async (options: { maxAge: string; today?: string }) => {
      try {
        const { join } = await import('node:path');
        const { loadKbConfig } = await import('../../src/lib/config.ts');
        const { readTaxonomy } = await import('../../src/lib/content/taxonomy.ts');
        const { dayOfRun, daysBetween, isoDay } = await import('../../src/lib/dates.ts');
        const { LIFECYCLE_DIR, readLifecycle } = await import('../../src/lib/lifecycle/read.ts');
        const { versionWithoutEnd } = await import('../../src/lib/lifecycle/judge.ts');
        const today = dayOfRun(options.today);
        if (!/^\d+$/.test(options.maxAge)) throw new Error(`Unexpected --max-age "${options.maxAge}", expected a whole number of days`);
        const config = await loadKbConfig();
        const data = readLifecycle(join(config.contentDir, LIFECYCLE_DIR));
        const taxonomy = readTaxonomy(config.contentDir);
        let failed = false;
        if (data.snapshot) {
          const age = daysBetween(data.snapshot.updated, today);
          console.log(`Snapshot of ${data.snapshot.source.name} from ${isoDay(data.snapshot.updated)} (${age} days old), ${data.products.size} products.`);
          if (age > Number(options.maxAge)) {
            console.error(`kb lifecycle: the snapshot is older than ${options.maxAge} days: run \`npx kb lifecycle update\`.`);
            failed = true;
          }
        } else console.log(`No snapshot: ${data.products.size} products from local.yaml only.`);
        const unknown = taxonomy.products.flatMap((p) =>
          p.versions.filter((v) => versionWithoutEnd(v.name, p.id, taxonomy, data)).map((v) => `${p.id}: ${v.name}`),
        );
        for (const version of unknown) console.warn(`warning: taxonomy version without a known end of support: ${version}`);
        if (!unknown.length) console.log('Every taxonomy version has a known end of support (or is known to be supported).');
        process.exitCode = failed ? 1 : 0;
      } catch (error) {
        console.error(`kb lifecycle check: ${(error as Error).message}`);
        process.exitCode = 2;
      }
    });
}
