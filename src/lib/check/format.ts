import pc from 'picocolors';
import { annotation, noWorkflowCommands, textLine } from '../escape.ts';
import type { CheckResult } from './run.ts';
import type { Finding } from './types.ts';

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
    // messages quote frontmatter values: one finding, one line, nothing a CI runner obeys
    lines.push(`${textLine(f.file)}:${f.line}:${f.column}: ${paint[f.severity](f.severity)} ${textLine(f.message)} [${f.ruleId}]`);
    if (f.hint) lines.push(`  ${colour ? pc.dim(`hint: ${textLine(f.hint)}`) : `hint: ${textLine(f.hint)}`}`);
  }
  if (lines.length) lines.push('');
  lines.push(summary(result));
  return noWorkflowCommands(lines.join('\n'));
}

export function formatJson(result: CheckResult): string {
  return JSON.stringify({ summary: { files: result.reported, ...result.counts }, findings: result.findings }, null, 2);
}

/** GitHub Actions workflow commands: each finding becomes an annotation on the pull request. */
export function formatGithub(findings: Finding[]): string {
  const level = { error: 'error', warning: 'warning', info: 'notice' } as const;
  return findings.map((f) => annotation(level[f.severity], { file: f.file, line: f.line, col: f.column, title: `kb check: ${f.ruleId}` }, f.hint ? `${f.message}\n${f.hint}` : f.message)).join('\n');
}
