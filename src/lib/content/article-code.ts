import { checkUrl, DEFAULT_URL_SCHEMES, refusedUrlMessage } from '../url-policy.ts';

/**
 * Articles are data, not code. MDX would run `import`/`export` lines and `{expressions}` at build
 * time and ship `<script>` elements and `on…` handlers to readers; an article needs none of it.
 * This module decides, node by node, what an article may hold. `kb check` reports each finding
 * with its place and the build refuses to compile the article, so a mistake (or a pasted ticket)
 * can neither run on the build machine nor in a reader's browser.
 *
 * Allowed: comments (`{/* … *\/}`), and literal attribute values: numbers, strings, booleans,
 * null and arrays of those (`to={3}`, `collect={['Logs', 'Screenshot']}`).
 */

/** A finding about one node: what is wrong and how to fix it. */
export interface CodeFinding {
  rule: 'article-esm' | 'article-expression' | 'article-html' | 'url-scheme';
  message: string;
  hint: string;
}

/** The mdast node shapes this module reads (remark-mdx and Sätteri build the same ones). */
export interface MdxNode {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
}

/** Elements an article may not contain: they run code, embed other documents or change the page. */
const FORBIDDEN_ELEMENTS = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'link', 'meta', 'form', 'svg', 'template', 'portal']);
/** Attributes that hold a URL in HTML; their values go through the URL policy. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'cite', 'data', 'background', 'xlink:href', 'ping']);

const ESM_HINT = 'Articles are data: remove the line. The components (Steps, Callout, Internal, ErrorCode, Escalation) work without an import; to show code, put it in a code block (```).';
const EXPRESSION_HINT = 'Curly braces start JavaScript in MDX: write `\\{` and `\\}` for literal braces, put code in backticks, or use `{/* comment */}` for a comment.';

/** Strips JavaScript comments; what is left of a comment-only expression is whitespace. */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
}

/** A literal attribute value: what `isLiteralExpression` accepts. */
export type Literal = string | number | boolean | null | Literal[];

/**
 * True when `code` is a literal value: a number, a string, true/false/null, or an array of
 * literals (nested at most a few levels). Anything else (a name, a call, a template string, an
 * object) is code.
 */
export function isLiteralExpression(code: string): boolean {
  return readLiteral(code) !== undefined;
}

/**
 * The value of a literal attribute expression (`{3}`, `{['Logs', 'Screenshot']}`), read without
 * running it; undefined when `code` is not a literal (see {@link isLiteralExpression}).
 */
export function literalValue(code: string): Literal | undefined {
  return readLiteral(code)?.value;
}

function readLiteral(code: string): { value: Literal } | undefined {
  const text = withoutComments(code);
  let i = 0;
  const space = () => {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  };
  const fail = Symbol('not a literal');
  const value = (depth: number): Literal | typeof fail => {
    space();
    const c = text[i];
    if (c === '"' || c === "'") {
      i++;
      let out = '';
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\n') return fail;
        if (text[i] === '\\') {
          i++;
          const escaped = text[i] ?? '';
          out += ESCAPES[escaped] ?? escaped;
        } else out += text[i];
        i++;
      }
      if (text[i] !== c) return fail;
      i++;
      return out;
    }
    if (c === '[') {
      if (depth > 4) return fail;
      const items: Literal[] = [];
      i++;
      space();
      const close = () => {
        i++;
        return items;
      };
      if (text[i] === ']') return close();
      for (;;) {
        const item = value(depth + 1);
        if (item === fail) return fail;
        items.push(item);
        space();
        if (text[i] === ',') {
          i++;
          space();
          if (text[i] === ']') return close();
          continue;
        }
        if (text[i] === ']') return close();
        return fail;
      }
    }
    const word = /^(?:(-?)(?:(0x[0-9a-f]+)|(\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?))|true|false|null)(?![\w$])/i.exec(text.slice(i));
    if (!word) return fail;
    i += word[0].length;
    if (word[2] !== undefined || word[3] !== undefined) {
      const number = Number((word[2] ?? word[3] ?? '').replace(/_/g, ''));
      return word[1] ? -number : number;
    }
    return word[0] === 'null' ? null : word[0].toLowerCase() === 'true';
  };
  const result = value(0);
  if (result === fail) return undefined;
  space();
  return i === text.length ? { value: result } : undefined;
}

/** What the usual one-letter string escapes stand for; any other escaped character is itself. */
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };

/** What is wrong with one node of an article's tree, or undefined when it is plain content. */
export function codeIn(node: MdxNode, schemes: readonly string[] = DEFAULT_URL_SCHEMES): CodeFinding[] {
  switch (node.type) {
    case 'mdxjsEsm': {
      const first = String(node.value ?? '').trim().split('\n')[0] ?? '';
      const keyword = first.startsWith('export') ? 'export' : 'import';
      return [{ rule: 'article-esm', message: `Unexpected \`${keyword}\` in an article (\`${first.slice(0, 60)}\`), expected text and components only`, hint: ESM_HINT }];
    }
    case 'mdxFlowExpression':
    case 'mdxTextExpression': {
      const code = String(node.value ?? '');
      if (withoutComments(code).trim() === '') return [];
      return [{ rule: 'article-expression', message: `Unexpected expression \`{${code.trim().slice(0, 60)}}\`, expected only comments \`{/* … */}\` in the text`, hint: EXPRESSION_HINT }];
    }
    case 'link':
    case 'image':
    case 'definition': {
      const url = node.url ?? '';
      const verdict = checkUrl(url, schemes);
      if (verdict.allowed) return [];
      return [{ rule: 'url-scheme', message: refusedUrlMessage(url, verdict, node.type === 'image' ? 'image' : 'link'), hint: verdict.hint }];
    }
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return elementFindings(node, schemes);
    default:
      return [];
  }
}

function elementFindings(node: MdxNode, schemes: readonly string[]): CodeFinding[] {
  const findings: CodeFinding[] = [];
  const name = node.name ?? '';
  const tag = name === '' ? '<>' : `<${name}>`;
  if (FORBIDDEN_ELEMENTS.has(name.toLowerCase()) || name.includes('.') || name.includes(':')) {
    findings.push({
      rule: 'article-html',
      message: `Unexpected element \`${tag}\`, expected text, Markdown and the knowledge-base components`,
      hint: 'Articles cannot embed scripts, styles, frames, forms or other documents. Link to the page instead, or show code in a code block.',
    });
  }
  for (const attribute of node.attributes ?? []) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      findings.push({ rule: 'article-expression', message: `Unexpected spread attribute \`{${String(attribute.value ?? '').slice(0, 40)}}\` on \`${tag}\`, expected \`name="value"\` attributes`, hint: EXPRESSION_HINT });
      continue;
    }
    const attributeName = attribute.name ?? '';
    if (/^on/i.test(attributeName)) {
      findings.push({
        rule: 'article-html',
        message: `Unexpected event handler \`${attributeName}\` on \`${tag}\`, expected no script in an article`,
        hint: 'Remove the attribute: articles are data, and the site runs no script from an article.',
      });
      continue;
    }
    if (/^(?:srcdoc|dangerouslySetInnerHTML|is)$/i.test(attributeName)) {
      findings.push({ rule: 'article-html', message: `Unexpected attribute \`${attributeName}\` on \`${tag}\`, expected plain content attributes`, hint: 'Remove the attribute: it embeds markup that the site would not check.' });
      continue;
    }
    const value = attribute.value as string | { type: string; value?: string } | null | undefined;
    if (value && typeof value === 'object') {
      const code = value.value ?? '';
      if (!isLiteralExpression(code)) {
        findings.push({
          rule: 'article-expression',
          message: `Unexpected expression \`{${code.trim().slice(0, 60)}}\` in attribute \`${attributeName}\` of \`${tag}\`, expected a literal value such as \`{3}\` or \`{['Logs']}\``,
          hint: 'Attribute values may be strings, numbers, true/false or arrays of those; articles cannot compute values.',
        });
      }
      continue;
    }
    if (typeof value === 'string' && URL_ATTRIBUTES.has(attributeName.toLowerCase())) {
      const urls = attributeName.toLowerCase() === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [value];
      for (const url of urls) {
        const verdict = checkUrl(url, schemes);
        if (!verdict.allowed) findings.push({ rule: 'url-scheme', message: refusedUrlMessage(url, verdict, name === 'img' ? 'image' : 'link'), hint: verdict.hint });
      }
    }
  }
  return findings;
}
