import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('owners')
    .description('write .github/CODEOWNERS from the product owners in content/taxonomy.yaml')
    .option('--out <file>', 'where to write', '.github/CODEOWNERS')
    .option('--check', 'do not write; exit 1 when the file is out of date (for CI)')
    .action(async (options: { out: string; check?: boolean }) => {
      const { readFile, writeFile, mkdir } = await import('node:fs/promises');
      const { dirname, relative, resolve } = await import('node:path');
      const { loadKbConfig } = await import('../../src/lib/config.ts');
      const { readTaxonomy } = await import('../../src/lib/content/taxonomy.ts');
      const { readArticles } = await import('../../src/lib/content/read-articles.ts');
      const { renderCodeowners } = await import('../../src/lib/authoring/codeowners.ts');
      const config = await loadKbConfig();
      const articles = await readArticles(config.contentDir, config.root);
      const expected = renderCodeowners(
        readTaxonomy(config.contentDir),
        articles.map((a) => ({ path: a.path, product: a.data?.product })),
        relative(config.root, config.contentDir),
      );
      const out = resolve(config.root, options.out);
      const current = await readFile(out, 'utf8').catch(() => undefined);
      if (options.check) {
        if (current === expected) console.log(`${options.out} is up to date.`);
        else {
          console.error(`${options.out} is out of date: run \`npx kb owners\` and commit the result.`);
          process.exitCode = 1;
        }
        return;
      }
      await mkdir(dirname(out), { recursive: true });
      await writeFile(out, expected);
      console.log(`Wrote ${options.out} (${articles.length} articles).`);
    });
}
