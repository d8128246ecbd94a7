import { Option, type Command } from 'commander';

interface ImportCliOptions {
  mapping?: string;
  out?: string;
  taxonomy?: string;
  report?: string;
  format: 'text' | 'markdown' | 'json' | 'github';
  today?: string;
  dryRun?: boolean;
  verbose?: boolean;
  failOn: 'error' | 'warning' | 'none';
  history: boolean;
}

/** `kb import`: converts another knowledge base (DocFX/Markdown, Zendesk, Confluence) into our MDX articles. */
export function register(program: Command): void {
  program
    .command('import')
    .description('Convert an existing knowledge base into MDX articles: DocFX or plain Markdown, Zendesk Help Center JSON or HTML, Confluence HTML exports.')
    .argument('<sources...>', 'files or folders to import (folders are searched for .md, .html and .json)')
    .option('--mapping <file>', 'YAML mapping of source frontmatter to ours (see docs/import.md)')
    .option(
      '--out <dir>',
      'content folder to write to: <dir>/articles/<lang>/<slug>.mdx (default: the project content folder; <dir>/articles/<lang> means the same)',
    )
    .option('--taxonomy <file>', 'taxonomy to check products and tags against (default: <content>/taxonomy.yaml)')
    .option('--report <file>', 'also write the report to a file: JSON, or text for .txt, Markdown for .md')
    .addOption(
      new Option('--format <format>', 'output format on stdout (github: annotations for GitHub Actions)')
        .choices(['text', 'markdown', 'json', 'github'])
        .default('text'),
    )
    .option('--today <YYYY-MM-DD>', 'date stamped into the JSON report (default: today, UTC)')
    .option('--dry-run', 'convert and check, write nothing')
    .option('--verbose', 'list infos too in the text report')
    .option('--no-history', "do not read the sources' git history or FILE_HISTORY.csv for review dates")
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when an issue of this severity or worse is found').choices(['error', 'warning', 'none']).default('error'),
    )
    .addHelpText(
      'after',
      `
When --out is not the project content folder, products and tags the taxonomy lacks are added to
<out>/taxonomy.yaml and the lifecycle data is copied to <out>/lifecycle, so the import builds
and is checked on its own: KB_CONTENT_DIR=<out> npm run build.
Review dates: a day that many files share (a bulk edit) is replaced by the file's last change
in the source's git history (or FILE_HISTORY.csv), or left empty; the report says how many.
Exit codes: 0 done, 1 issues at --fail-on severity (an error means a file was not written), 2 bad usage.`,
    )
    .action(async (sources: string[], options: ImportCliOptions) => {
      try {
        process.exitCode = await runCommand(sources, options);
      } catch (error) {
        console.error(`kb import: ${(error as Error).message}`);
        process.exitCode = 2;
      }
    });
}

async function runCommand(sources: string[], options: ImportCliOptions): Promise<number> {
  const { resolve, extname, dirname, basename } = await import('node:path');
  const { existsSync, mkdirSync, writeFileSync, readFileSync } = await import('node:fs');
  const { parse } = await import('yaml');
  const { loadKbConfig } = await import('../../src/lib/config.ts');
  const { readTaxonomy } = await import('../../src/lib/content/taxonomy.ts');
  const { taxonomySchema } = await import('../../src/lib/schema/taxonomy.ts');
  const { DEFAULT_MAPPING, readMapping } = await import('../../src/lib/import/mapping.ts');
  const { runImport } = await import('../../src/lib/import/run-import.ts');
  const { jsonReport, textReport, summarize } = await import('../../src/lib/import/report.ts');
  const { dayOfRun, isoDay } = await import('../../src/lib/dates.ts');

  let today: string;
  try {
    today = isoDay(dayOfRun(options.today));
  } catch (error) {
    console.error(`kb import: ${(error as Error).message}`);
    return 2;
  }
  for (const source of sources) {
    if (!existsSync(source)) {
      console.error(`kb import: Unexpected source "${source}", expected an existing file or folder`);
      return 2;
    }
  }
  const config = await loadKbConfig();
  const outDir = contentFolderOf(resolve(options.out ?? config.contentDir), basename, dirname);
  const mapping = options.mapping ? readMapping(options.mapping) : DEFAULT_MAPPING;
  const taxonomy = options.taxonomy ? taxonomySchema.parse(parse(readFileSync(options.taxonomy, 'utf8'))) : readTaxonomy(config.contentDir);
  // A bar only for people watching: not in CI logs, not when the report goes to a pipe.
  let bar: { start: (total: number, value: number) => void; update: (value: number) => void; setTotal: (total: number) => void; stop: () => void } | undefined;
  if (process.stderr.isTTY && !process.env['CI']) {
    const { SingleBar, Presets } = await import('cli-progress');
    bar = new SingleBar({ format: 'kb import [{bar}] {value}/{total} files', stream: process.stderr, clearOnComplete: true }, Presets.shades_classic);
    bar.start(0, 0);
  }
  const result = await runImport({
    onProgress: (done, total) => {
      bar?.setTotal(total);
      bar?.update(done);
    },
    inputs: sources,
    outDir,
    mapping,
    taxonomy,
    writeTaxonomy: outDir !== resolve(config.contentDir),
    urlSchemes: config.urlSchemes,
    lifecycleDir: resolve(config.contentDir, 'lifecycle'),
    synonymsFile: resolve(config.contentDir, 'synonyms.yaml'),
    history: options.history,
    dryRun: options.dryRun,
  });
  bar?.stop();
  if (options.format === 'json') console.log(jsonReport(result, today));
  else if (options.format === 'github') {
    const { formatGithub, fromImportIssue } = await import('../../src/lib/findings.ts');
    console.log(formatGithub(result.files.flatMap((f) => f.issues).map(fromImportIssue)));
  } else console.log(textReport(result, { verbose: options.verbose, markdown: options.format === 'markdown' }));
  if (options.report) {
    const ext = extname(options.report).toLowerCase();
    const text =
      ext === '.txt'
        ? textReport(result, { verbose: true })
        : ext === '.md'
          ? textReport(result, { verbose: true, markdown: true })
          : jsonReport(result, today);
    mkdirSync(dirname(resolve(options.report)), { recursive: true });
    writeFileSync(options.report, `${text}\n`);
  }
  const summary = summarize(result);
  if (options.failOn === 'none') return 0;
  const failing = summary.issues.error + (options.failOn === 'warning' ? summary.issues.warning : 0);
  return failing > 0 ? 1 : 0;
}

/** `--out content/articles/en` and `--out content/articles` mean the content folder `content`. */
function contentFolderOf(dir: string, basename: (p: string) => string, dirname: (p: string) => string): string {
  if (/^(en|de)$/.test(basename(dir)) && basename(dirname(dir)) === 'articles') return dirname(dirname(dir));
  return basename(dir) === 'articles' ? dirname(dir) : dir;
}
