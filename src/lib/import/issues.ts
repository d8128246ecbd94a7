/** Where an import issue happened: the source file and a 1-based place in it. */
export interface IssuePlace {
  line: number;
  column: number;
}

/** How bad an issue is: `error` means the article was not written; `warning` means something was dropped or changed. */
export type IssueSeverity = 'error' | 'warning' | 'info';

/** One thing the importer could not convert as is. Plain data so it serialises to the JSON report. */
export interface ImportIssue {
  /** Source file as given on the command line (or `<export>#<article id>` for API exports). */
  file: string;
  line: number;
  column: number;
  severity: IssueSeverity;
  /** Stable rule id, e.g. `html-comment`, `frontmatter-typo`, `image-missing`. */
  rule: string;
  /** "Unexpected X, expected Y"-shaped reason. */
  reason: string;
  /** How to fix it at the source or in the mapping file. */
  hint?: string | undefined;
}

/**
 * Collects issues for one source file. Every converter gets one, so nothing it drops or
 * changes can go unreported.
 */
export class IssueSink {
  readonly file: string;
  readonly issues: ImportIssue[] = [];
  /** Added to every line: converters parse fragments (includes, JSON bodies) that start later in the file. */
  lineOffset = 0;

  constructor(file: string) {
    this.file = file;
  }

  add(rule: string, reason: string, place: Partial<IssuePlace> | undefined, severity: IssueSeverity = 'warning', hint?: string): void {
    const line = (place?.line ?? 1) + this.lineOffset;
    const issue: ImportIssue = { file: this.file, line, column: place?.column ?? 1, severity, rule, reason };
    if (hint) issue.hint = hint;
    this.issues.push(issue);
  }

  get errorCount(): number {
    return this.issues.filter((i) => i.severity === 'error').length;
  }
}

/** The start of a unist node's position, for `IssueSink.add`. */
export function placeOf(node: { position?: { start: { line: number; column: number } } | undefined } | undefined): IssuePlace | undefined {
  return node?.position ? { line: node.position.start.line, column: node.position.start.column } : undefined;
}
