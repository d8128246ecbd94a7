import pc from 'picocolors';
import type { CheckResult } from './run.ts';
import { formatFindingLine, formatMarkdown as findingsTable } from '../findings.ts';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function summary(result: CheckResult): string {
  const { error, warning, info } = result.counts;
  return `${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info in ${plural(result.reported, 'file')}`;
}

/** `path:line:col: severity message [rule]`, grouped by file, then the counted summary. */
export function formatText(result: CheckResult, colour = false): string {
  const paint = { error: colour ? pc.red : String, warning: colour ? pc.yellow : String, info: colour ? pc.blue : String };
  const lines: string[] = [];
  let file = '';
  for (const f of result.findings) {
    if (f.file !== file) {
      if (file) lines.push('');
      file = f.file;
    }
    lines.push(formatFindingLine(f, (severity) => paint[severity](severity)));
    if (f.hint) lines.push(`  ${colour ? pc.dim(`hint: ${f.hint}`) : `hint: ${f.hint}`}`);
  }
  if (lines.length) lines.push('');
  lines.push(summary(result));
  return lines.join('\n');
}

/** A Markdown table of the findings (for a pull-request comment), then the counted summary. */
export function formatMarkdown(result: CheckResult): string {
  return [findingsTable(result.findings), summary(result)].filter(Boolean).join('\n\n');
}

export function formatJson(result: CheckResult): string {
  return JSON.stringify({ summary: { files: result.reported, ...result.counts }, findings: result.findings }, null, 2);
}
