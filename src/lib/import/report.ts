import { markdownText, markdownCodeBlock, noWorkflowCommands, textLine } from '../escape.ts';
import type { ImportIssue, IssueSeverity } from './issues.ts';
import type { ImportResult } from './run-import.ts';
import { formatLanguageCounts } from './detect-lang.ts';

/** Counts of the run, the first thing every format shows. */
export interface ImportSummary {
  /** Sources read (files, and articles inside JSON exports). */
  read: number;
  written: number;
  /** Converted but not written because the output would fail `kb check` (listed with errors). */
  rejected: number;
  /** Files seen but not sources (listed with the reason). */
  skipped: number;
  /** Share of read sources whose output passed the schema and MDX check, 0..1. */
  passRate: number;
  issues: Record<IssueSeverity, number>;
  /** Issues by rule id, most frequent first. */
  rules: Record<string, number>;
}

/** Counts everything in a result; `read = written + rejected (+ checked on a dry run)`. */
export function summarize(result: ImportResult): ImportSummary {
  const issues: Record<IssueSeverity, number> = { error: 0, warning: 0, info: 0 };
  const rules = new Map<string, number>();
  for (const file of result.files) {
    for (const issue of file.issues) {
      issues[issue.severity]++;
      rules.set(issue.rule, (rules.get(issue.rule) ?? 0) + 1);
    }
  }
  const read = result.files.length;
  const rejected = result.files.filter((f) => f.status === 'rejected').length;
  return {
    read,
    written: result.files.filter((f) => f.status === 'written').length,
    rejected,
    skipped: result.skipped.length,
    passRate: read ? (read - rejected) / read : 1,
    issues,
    rules: Object.fromEntries([...rules].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
  };
}

/** The JSON report: summary, every file with its issues, skipped files, ignored keys, taxonomy additions. */
export function jsonReport(result: ImportResult, today?: string): string {
  return JSON.stringify({ date: today, summary: summarize(result), ...result }, null, 2);
}

function line(issue: ImportIssue): string {
  // reasons quote the imported source (a link, an include path): one line each, never a command
  const hint = issue.hint ? `\n      hint: ${textLine(issue.hint)}` : '';
  return `  ${issue.line}:${issue.column}  ${issue.severity.padEnd(7)}  ${textLine(issue.reason)}  [${issue.rule}]${hint}`;
}

/**
 * The text report: issues per file (infos only with `verbose`), then counts. Issues that
 * belong to an included file are listed under it, as that is where they are fixed.
 */
export function textReport(result: ImportResult, options: { verbose?: boolean | undefined; markdown?: boolean | undefined } = {}): string {
  const out: string[] = [];
  const byFile = new Map<string, ImportIssue[]>();
  for (const file of result.files) {
    for (const issue of file.issues) {
      if (issue.severity === 'info' && !options.verbose) continue;
      const list = byFile.get(issue.file) ?? [];
      list.push(issue);
      byFile.set(issue.file, list);
    }
  }
  const listed: string[] = [];
  for (const [file, issues] of byFile) listed.push(textLine(file), ...issues.flatMap((i) => line(i).split('\n')), '');
  // in Markdown the issues are a code block that nothing in them can close
  if (byFile.size) out.push(...(options.markdown ? ['## Issues', '', ...markdownCodeBlock(listed), ''] : listed));
  const show = options.markdown ? markdownText : textLine;
  for (const skip of result.skipped) out.push(`${options.markdown ? '- ' : ''}skipped ${show(skip.file)}: ${show(skip.reason)}`);
  const s = summarize(result);
  if (options.markdown) out.push('', '## Summary', '');
  out.push(
    `${s.read} read, ${s.written} written, ${s.rejected} rejected, ${s.skipped} skipped; pass rate ${(s.passRate * 100).toFixed(1)}%`,
    `${s.issues.error} errors, ${s.issues.warning} warnings, ${s.issues.info} infos${options.verbose ? '' : ' (infos with --verbose or in the JSON report)'}`,
  );
  const rules = Object.entries(s.rules).map(([rule, n]) => `${rule} ${n}`);
  if (rules.length) out.push(`by rule: ${rules.join(', ')}`);
  // which language each article got, and what said so (a frontmatter key, a folder, the text)
  if (result.languages && Object.keys(result.languages).length) out.push(`languages: ${show(formatLanguageCounts(result.languages))}`);
  const dates = result.reviewDates;
  if (dates) {
    const bulk = dates.bulk.map((b) => `${b.day} (${b.files} files)`).join(', ');
    out.push(
      `review dates: ${bulk ? `bulk-set days ${bulk} (${dates.threshold}+ files share a day)` : 'no bulk-set days'}; ${dates.fromHistory} taken from the source history, ${dates.cleared} left empty; history: ${show(dates.historyNote)}`,
    );
  }
  const ignored = Object.entries(result.ignoredKeys).map(([k, n]) => `${show(k)} ${n}`);
  if (ignored.length) out.push(`ignored keys (mapping): ${ignored.join(', ')}`);
  if (result.newProducts.length || result.newTags.length) {
    out.push(
      `taxonomy additions: products ${show(result.newProducts.join(', ')) || '-'}; tags ${result.newTags.length}${result.taxonomyFile ? ` (written to ${show(result.taxonomyFile)})` : ''}`,
    );
  }
  return noWorkflowCommands(out.join('\n'));
}
