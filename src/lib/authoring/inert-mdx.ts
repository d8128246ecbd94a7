import type { Paragraph, Root } from 'mdast';
import { unified } from 'unified';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { visit } from 'unist-util-visit';

// remark-stringify with remark-mdx escapes braces, tags, links, images, autolinks and block
// markers in text, but not a line that starts with `import` or `export` (MDX reads it as code
// to run). These rules write such a first letter as a character reference (`&#x69;mport`).
const ESM_AT_LINE_START = [
  { character: 'i', atBreak: true, after: 'mport(?![A-Za-z0-9_$])' },
  { character: 'e', atBreak: true, after: 'xport(?![A-Za-z0-9_$])' },
];

const writer = unified().use(remarkMdx).use(remarkGfm).use(remarkStringify, { unsafe: ESM_AT_LINE_START });
const reader = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

const INERT = new Set(['root', 'paragraph', 'text', 'break']);

/**
 * A web address in the text, which GFM links whatever escapes surround it (remark-gfm finds
 * them in the parsed text): a plain link to an http(s) page that shows its own address, no image.
 */
export function isAddressLink(node: { type: string; url?: string; children?: unknown[] }): boolean {
  return (
    node.type === 'link' && /^(?:https?:\/\/|mailto:)/i.test(node.url ?? '') && (node.children ?? []).every((c) => (c as { type: string }).type === 'text')
  );
}

/** Whether MDX reads `mdx` as nothing but paragraphs of text (and the web addresses in it). */
function isInert(mdx: string): boolean {
  let inert = true;
  try {
    visit(reader.parse(mdx), (node) => {
      if (!INERT.has(node.type) && !isAddressLink(node as never)) inert = false;
    });
  } catch {
    return false;
  }
  return inert;
}

/** A fenced block whose fence no run of backticks in the text can close. */
function codeBlock(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}

// eslint-disable-next-line no-control-regex -- control characters are what inertMdx strips
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Untrusted text (a ticket) as MDX that shows the text and does nothing else: no ESM, no
 * expressions, no JSX or HTML, no links or images of its own making, no headings or lists; a bare
 * web address stays the plain link GFM makes of it. Paragraphs stay paragraphs. The result is parsed back as a check; should anything but text come out, the text
 * is written as a code block instead.
 */
export function inertMdx(text: string): string {
  const clean = text.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '').trim();
  if (!clean) return '';
  const children: Paragraph[] = clean
    .split(/\n[ \t]*\n\s*/)
    .map((part) => ({ type: 'paragraph', children: [{ type: 'text', value: part.replace(/^[ \t]+/gm, '') }] }));
  const mdx = writer.stringify({ type: 'root', children } satisfies Root).trim();
  return isInert(mdx) ? mdx : codeBlock(clean);
}
