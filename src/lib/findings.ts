/**
 * One shape for what every `kb` command finds, and one set of formatters for it. The commands
 * keep their own report types (check `Finding` is this shape; import `ImportIssue`, stale
 * `StaleReason`, ticket `Rejection` and `FileProblem` map into it below), so their JSON contracts
 * stay as they are; every line, annotation and table row is written here.
 */

import { annotation, markdownText, textLine } from './escape.ts';

export type Severity = 'error' | 'warning' | 'info';

/** Which command found it. */
export type FindingSource = 'kb check' | 'kb import' | 'kb stale' | 'kb gaps';

/** One finding: where, which rule, how bad, what is wrong and how to fix it. */
export interface Finding {
  /** Path relative to the project root, or a source as given on the command line. */
  file: string;
  /** 1-based; 1 when the finding is about the whole file. */
  line: number;
  column: number;
  ruleId: string;
  severity: Severity;
  /** "Unexpected X, expected Y". */
  message: string;
  /** How to fix it. */
  hint?: string | undefined;
  /** The command that found it; `kb check` when absent. */
  source?: FindingSource | undefined;
}

/** `path:line:col: severity message [rule]`: the line compilers and editors understand. */
export function formatFindingLine(finding: Finding, paint: (severity: Severity) => string = (s) => s): string {
  // messages quote frontmatter values and imported text: one finding, one line (src/lib/escape.ts)
  return `${textLine(finding.file)}:${finding.line}:${finding.column}: ${paint(finding.severity)} ${textLine(finding.message)} [${finding.ruleId}]`;
}

/** GitHub Actions workflow commands: each finding becomes an annotation on the pull request. */
export function formatGithub(findings: readonly Finding[]): string {
  const level = { error: 'error', warning: 'warning', info: 'notice' } as const;
  // escaped as the Actions toolkit does (src/lib/escape.ts)
  return findings
    .map((f) =>
      annotation(
        level[f.severity],
        { file: f.file, line: f.line, col: f.column, title: `${f.source ?? 'kb check'}: ${f.ruleId}` },
        f.hint ? `${f.message}\n${f.hint}` : f.message,
      ),
    )
    .join('\n');
}

/** Text in a Markdown table cell: no markup, no HTML, no line breaks, no column breaks. */
const cell = markdownText;

/** A Markdown table of findings (pull-request comments): place, severity, message, rule. */
export function formatMarkdown(findings: readonly Finding[]): string {
  if (!findings.length) return '';
  return [
    '| place | severity | message | rule |',
    '|---|---|---|---|',
    ...findings.map(
      (f) => `| ${cell(`${f.file}:${f.line}:${f.column}`)} | ${f.severity} | ${cell(f.hint ? `${f.message} (${f.hint})` : f.message)} | ${cell(f.ruleId)} |`,
    ),
  ].join('\n');
}

/** Findings as plain JSON objects, with their source. */
export function formatJson(findings: readonly Finding[]): string {
  return JSON.stringify(
    findings.map((f) => ({ ...f, source: f.source ?? 'kb check' })),
    null,
    2,
  );
}

/** `kb import`: an issue of one source file. */
export function fromImportIssue(issue: {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  reason: string;
  hint?: string | undefined;
}): Finding {
  return {
    file: issue.file,
    line: issue.line,
    column: issue.column,
    ruleId: issue.rule,
    severity: issue.severity,
    message: issue.reason,
    hint: issue.hint,
    source: 'kb import',
  };
}

/** `kb stale`: a reason an article needs review, placed at the article's file. */
export function fromStaleReason(path: string, reason: { code: string; message: string; severity: Severity }): Finding {
  return { file: path, line: 1, column: 1, ruleId: reason.code, severity: reason.severity, message: reason.message, source: 'kb stale' };
}

/** `kb gaps`: a rejected row (a warning: the report is still made) or a problem with a whole file (an error). */
export function fromTicketProblem(problem: { file: string; line: number; rule: string; reason: string }, severity: Severity = 'warning'): Finding {
  return { file: problem.file, line: problem.line, column: 1, ruleId: problem.rule, severity, message: problem.reason, source: 'kb gaps' };
}
