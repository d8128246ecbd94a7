import { createColors } from 'picocolors';
import { markdownCode, markdownText, markdownUrl, noWorkflowCommands, textLine } from '../escape.ts';
import { formatGithub, fromStaleReason } from '../findings.ts';
import { countByCode, groupEntries, summarize, type GroupBy } from './group.ts';
import type { StaleReason } from './reason.ts';
import type { StaleEntry, StaleReport } from './run.ts';

export type StaleFormat = 'text' | 'markdown' | 'json' | 'github';
export const STALE_FORMATS: readonly StaleFormat[] = ['text', 'markdown', 'json', 'github'];

export interface FormatOptions {
  groupBy: GroupBy;
  /** Colours in text output (only on a terminal). */
  color?: boolean;
  /** Web address that report paths are relative to (`https://github.com/org/kb/blob/main`); Markdown links use it. */
  linkBase?: string | undefined;
}

/** The report as `kb stale` prints it. */
export function formatReport(report: StaleReport, format: StaleFormat, options: FormatOptions): string {
  if (format === 'json') return formatJson(report);
  // one annotation per reason, on the article's file
  if (format === 'github') return `${formatGithub(report.articles.flatMap((a) => a.reasons.map((r) => fromStaleReason(a.path, r))))}\n`;
  return format === 'markdown' ? formatMarkdown(report, options) : formatText(report, options);
}

function formatJson(report: StaleReport): string {
  const { today, warnings, skipped, articles } = report;
  return `${JSON.stringify({ today, summary: summarize(report), warnings, skipped, articles }, null, 2)}\n`;
}

function headline(report: StaleReport): string {
  return `${report.articles.length} of ${report.checked} published ${report.checked === 1 ? 'article needs' : 'articles need'} review`;
}

function leftOut(report: StaleReport): string {
  const { draft, archived } = report.ignored;
  return `Not checked: drafts ${draft}, archived ${archived}; skipped with invalid frontmatter ${report.skipped.length}${report.skipped.length ? ' (run kb check for details)' : ''}.`;
}

function formatText(report: StaleReport, options: FormatOptions): string {
  const c = createColors(options.color ?? false);
  const tone = (r: StaleReason) => (r.severity === 'error' ? c.red : r.severity === 'warning' ? c.yellow : c.dim);
  const lines = [c.bold(`kb stale · ${report.today} · ${headline(report)}`)];
  for (const w of report.warnings) lines.push(c.yellow(`warning ${w.code}: ${textLine(w.message)}`));
  const width = Math.max(0, ...report.articles.flatMap((e) => e.reasons.map((r) => r.code.length)));
  const entry = (e: StaleEntry, indent: string) => [
    `${indent}${c.bold(textLine(e.id))}  L${e.level}  ${textLine(e.title)}`,
    `${indent}  ${c.dim(textLine(e.path))}`,
    ...e.reasons.map((r) => `${indent}  ${tone(r)(r.code.padEnd(width))}  ${textLine(r.message)}`),
  ];
  for (const group of groupEntries(report.articles, options.groupBy)) {
    lines.push('');
    if (options.groupBy === 'none') {
      for (const e of group.entries) lines.push(...entry(e, ''));
      continue;
    }
    lines.push(c.bold(`${textLine(group.key)} (${group.entries.length})`));
    if (options.groupBy === 'owner') {
      for (const sub of groupEntries(group.entries, 'product')) {
        lines.push(`  ${textLine(sub.key)}`);
        for (const e of sub.entries) lines.push(...entry(e, '    '));
      }
    } else for (const e of group.entries) lines.push(...entry(e, '  '));
  }
  lines.push('');
  const counts = countByCode(report.articles);
  if (counts.length) lines.push(`Reasons: ${counts.map(([code, n]) => `${code} ${n}`).join(', ')}`);
  lines.push(leftOut(report));
  for (const s of report.skipped) {
    const first = s.issues[0];
    lines.push(
      `  ${textLine(s.path)}${first ? `:${first.line}:${first.column} ${first.field ? `${textLine(first.field)}: ` : ''}${textLine(first.message)}` : ''}`,
    );
  }
  return noWorkflowCommands(`${lines.join('\n')}\n`);
}

// every value from an article (title, owner, product, messages that quote frontmatter) is escaped
const cell = markdownText;

function formatMarkdown(report: StaleReport, options: FormatOptions): string {
  const lines = [`## Stale articles · ${report.today}`, '', `**${headline(report)}.** ${leftOut(report)}`];
  for (const w of report.warnings) lines.push('', `> **Warning (${w.code}):** ${cell(w.message)}`);
  const counts = countByCode(report.articles);
  if (counts.length) {
    lines.push('', '| Reason | Articles |', '| --- | ---: |', ...counts.map(([code, n]) => `| ${markdownCode(code)} | ${n} |`));
  }
  const by = options.groupBy;
  for (const group of groupEntries(report.articles, by)) {
    if (by !== 'none') lines.push('', `### ${cell(group.key)} (${group.entries.length})`);
    const column = by === 'product' ? 'Owner' : 'Product';
    lines.push('', `| Article | Level | ${column} | Reasons |`, '| --- | :---: | --- | --- |');
    for (const e of group.entries) {
      const reasons = e.reasons.map((r) => `**${cell(r.code)}**: ${cell(r.message)}`).join('<br>');
      const title = options.linkBase ? `[${cell(e.title)}](${markdownUrl(`${options.linkBase}/${e.path}`)})` : cell(e.title);
      lines.push(`| ${title}<br>${markdownCode(e.id)} | ${e.level} | ${cell(by === 'product' ? e.owner : e.product)} | ${reasons} |`);
    }
  }
  if (report.skipped.length) {
    lines.push('', '<details><summary>Skipped: invalid frontmatter</summary>', '');
    for (const s of report.skipped)
      lines.push(`- ${markdownCode(s.path)}: ${cell(s.issues.map((i) => `${i.line}:${i.column} ${i.field ? `${i.field}: ` : ''}${i.message}`).join('; '))}`);
    lines.push('', '</details>');
  }
  return `${lines.join('\n')}\n`;
}
