/**
 * Escaping for every report the `kb` commands write: plain text on a terminal or a CI log,
 * GitHub-flavoured Markdown (the pull-request comment) and GitHub Actions annotations. Values in
 * reports come from articles (titles, owners, frontmatter values), imported files and tickets,
 * and are shown as what they are: never as a mention, image, HTML, table syntax, or a line that
 * a terminal or a CI runner would act on. Every formatter goes through here.
 */

// C0 and C1 controls (ESC starts terminal sequences), DEL, and the bidi controls that reorder
// what a reader sees; tab, CR and LF are handled on their own
// eslint-disable-next-line no-control-regex -- control and bidi characters are what this strips
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029\u0085]/g;

/** A value on one line of plain text: line breaks become spaces, control characters go. */
export function textLine(value: string): string {
  return value.replace(LINE_BREAK, ' ').replace(CONTROL, '').replace(/\t/g, ' ');
}

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Plain-text output that a GitHub Actions runner prints and does not obey: a line that starts
 * with `::` (after spaces) is a workflow command (`::error::`, `::stop-commands::`), and the old
 * `##[command]` form is recognised anywhere in a line. Both are broken by a zero-width space.
 */
export function noWorkflowCommands(text: string): string {
  return text.replace(/^(\s*):(?=:)/gm, `$1:${ZERO_WIDTH_SPACE}`).replace(/##\[/g, `#${ZERO_WIDTH_SPACE}#[`);
}

// punctuation that starts Markdown syntax inside a line (links and images need `[`, tables `|`);
// a backslash makes each literal. Values never start a line, so list and heading markers are safe.
const MARKDOWN_PUNCTUATION = /[\\`*_[\]|~]/g;

/**
 * A value inside a Markdown line or table cell, shown literally: HTML and comments are
 * entities, link, image, emphasis and table syntax is escaped, line breaks are spaces, and
 * `@team` / `#123` do not notify anyone or link an issue.
 */
export function markdownText(value: string): string {
  return (
    textLine(value)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(MARKDOWN_PUNCTUATION, '\\$&')
      // one pass, so that the `#` of the inserted entity is not taken for an issue reference
      .replace(/@(?=[\p{L}\p{N}_-])|(?<!&)#(?=\d)/gu, '$&&#8203;')
  );
}

/** A value as inline code (ids, paths, rule codes): a fence no backtick in it can close; table-safe. */
export function markdownCode(value: string): string {
  const text = textLine(value).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || /^ .* $/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Lines as a fenced code block that no line in it can close. */
export function markdownCodeBlock(lines: readonly string[], lang = 'text'): string[] {
  const clean = lines.map((l) => l.replace(LINE_BREAK, ' ').replace(CONTROL, ''));
  const longest = Math.max(2, ...clean.flatMap((l) => [...l.matchAll(/`+/g)].map((m) => m[0].length)));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${lang}`, ...clean, fence];
}

/** A link destination: what would end it early (spaces, parentheses, angle brackets) is percent-encoded. */
export function markdownUrl(url: string): string {
  return encodeURI(textLine(url).trim())
    .replace(/%25([0-9A-F]{2})/gi, '%$1')
    .replace(/[()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The message of a GitHub Actions workflow command, escaped as the Actions toolkit does. */
export function annotationData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property of a workflow command (`file=`, `title=`), escaped as the Actions toolkit does. */
export function annotationProperty(value: string): string {
  return annotationData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One annotation line: `::error file=…,line=…::message`, every part escaped. */
export function annotation(level: 'error' | 'warning' | 'notice', properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${annotationProperty(String(v))}`)
    .join(',');
  return `::${level}${props ? ` ${props}` : ''}::${annotationData(message)}`;
}
