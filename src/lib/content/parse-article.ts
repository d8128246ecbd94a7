import { boundedToJs, parseBoundedDocument } from './bounded-yaml.ts';
import { LineCounter, isMap, isSeq, isScalar, isPair, type Document, type Node } from 'yaml';
import { articleSchema, type ArticleData } from '../schema/article.ts';

/** A place in a file, 1-based like editors show it. */
export interface Position {
  line: number;
  column: number;
}

/** An article file split into frontmatter and body, with the YAML kept for positions. */
export interface ParsedArticle {
  /** `<lang>/<slug>`, the path below the articles folder without extension. */
  id: string;
  /** Path as given (used in messages). */
  path: string;
  source: string;
  /** The YAML document, or undefined when the file has no frontmatter block. */
  yaml: Document.Parsed | undefined;
  lineCounter: LineCounter;
  /** Line (1-based) of the first YAML line in the file. */
  yamlStartLine: number;
  /** Frontmatter as plain data (undefined when missing or unparseable). */
  raw: unknown;
  body: string;
  /** Line (1-based) in the file where the body starts. */
  bodyStartLine: number;
}

const FENCE = /^---[ \t]*\r?\n/;

/** Splits and parses an article; never throws. YAML syntax errors stay in `yaml.errors`. */
export function parseArticle(source: string, path: string, id: string): ParsedArticle {
  const lineCounter = new LineCounter();
  const text = source.replace(/^\uFEFF/, '');
  if (!FENCE.test(text)) {
    return { id, path, source: text, yaml: undefined, lineCounter, yamlStartLine: 1, raw: undefined, body: text, bodyStartLine: 1 };
  }
  const afterOpen = text.indexOf('\n') + 1;
  const close = /^---[ \t]*$/m;
  close.lastIndex = 0;
  const rest = text.slice(afterOpen);
  const match = close.exec(rest);
  const yamlText = match ? rest.slice(0, match.index) : rest;
  const bodyOffset = match ? afterOpen + match.index + match[0].length + 1 : text.length;
  const yaml = parseBoundedDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // aliases that expand too far become a located YAML error (bounded-yaml.ts)
  const raw = yaml.errors.length ? undefined : boundedToJs(yaml);
  const bodyStartLine = text.slice(0, bodyOffset).split('\n').length;
  return { id, path, source: text, yaml, lineCounter, yamlStartLine: 2, raw, body: text.slice(bodyOffset), bodyStartLine };
}

/** File position of a YAML offset. */
export function yamlOffsetToPosition(article: ParsedArticle, offset: number): Position {
  const { line, col } = article.lineCounter.linePos(offset);
  return { line: line + article.yamlStartLine - 1, column: col };
}

/**
 * File position of a frontmatter key path (`['escalation', 'to']`, `['tags', 2]`): the value if
 * it exists, else the deepest existing parent key, else the start of the frontmatter.
 */
export function positionOfKey(article: ParsedArticle, keyPath: readonly (string | number)[]): Position {
  if (!article.yaml) return { line: 1, column: 1 };
  let node: unknown = article.yaml.contents;
  let best: Node | undefined;
  for (const key of keyPath) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      if (!pair) break;
      best = (pair.key as Node) ?? best;
      node = pair.value;
      if (node && (node as Node).range) best = node as Node;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (!item) break;
      node = item;
      if ((item as Node).range) best = item as Node;
    } else break;
  }
  const offset = best?.range?.[0] ?? 0;
  return yamlOffsetToPosition(article, offset);
}

export interface FrontmatterIssue {
  path: (string | number)[];
  message: string;
  position: Position;
  /** The schema issue as zod reports it (code, expected values), for precise messages. */
  detail: { code: string; values?: unknown[]; expected?: string; minimum?: number | bigint; origin?: string; format?: string };
}

/** Validates the frontmatter against the article schema and places each issue at its key. */
export function validateFrontmatter(article: ParsedArticle): { data?: ArticleData; issues: FrontmatterIssue[] } {
  const result = articleSchema.safeParse(article.raw ?? {});
  if (result.success) return { data: result.data, issues: [] };
  const issues = result.error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const { code, values, expected, minimum, origin, format } = issue as typeof issue & FrontmatterIssue['detail'];
    const detail: FrontmatterIssue['detail'] = { code };
    if (values) detail.values = values;
    if (expected) detail.expected = expected;
    if (minimum !== undefined) detail.minimum = minimum;
    if (origin) detail.origin = origin;
    if (format) detail.format = format;
    return { path, message: issue.message, position: positionOfKey(article, path), detail };
  });
  return { issues };
}
