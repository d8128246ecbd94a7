import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('check')
    .description('check every article: YAML, schema, MDX, taxonomy, links and anchors, translations, content rules')
    .argument('[paths...]', 'report only these files or folders (links still resolve against all articles)')
    .option('--format <format>', 'text, markdown, json or github', 'text')
    .option('--strict', 'fail on warnings too')
    .option('--rules', 'list the rules and exit')
    .addHelpText(
      'after',
      `
Output: path:line:col: severity message [rule-id], a hint, and a counted summary.
Exit code: 1 when there are errors (or warnings with --strict), 2 when the check cannot run.
With CI set (GitHub Actions), findings are also printed as annotations.
Set KB_CONTENT_DIR to check another content folder.`,
    )
    .action(async (paths: string[], options: { format: string; strict?: boolean; rules?: boolean }) => {
      const { RULES } = await import('../../src/lib/check/rules/index.ts');
      if (options.rules) {
        for (const rule of RULES) console.log(`${rule.id.padEnd(28)} ${rule.severity.padEnd(8)} ${rule.description}`);
        return;
      }
      if (!['text', 'markdown', 'json', 'github'].includes(options.format)) {
        console.error(`Unexpected --format ${options.format}, expected text, markdown, json or github`);
        process.exitCode = 2;
        return;
      }
      const { loadKbConfig } = await import('../../src/lib/config.ts');
      const { runCheck } = await import('../../src/lib/check/run.ts');
      const { formatJson, formatMarkdown, formatText } = await import('../../src/lib/check/format.ts');
      const { formatGithub } = await import('../../src/lib/findings.ts');
      const config = await loadKbConfig();
      const result = await runCheck({
        contentDir: config.contentDir,
        root: config.root,
        urlSchemes: config.urlSchemes,
        ...(paths.length ? { only: paths } : {}),
      });
      if (options.format === 'json') console.log(formatJson(result));
      else if (options.format === 'markdown') console.log(formatMarkdown(result));
      else if (options.format === 'github') console.log(formatGithub(result.findings));
      else {
        console.log(formatText(result, process.stdout.isTTY === true));
        if (process.env['CI'] && result.findings.length) console.log(formatGithub(result.findings));
      }
      const failing = result.counts.error + (options.strict ? result.counts.warning : 0);
      if (failing > 0) process.exitCode = 1;
    });
}
