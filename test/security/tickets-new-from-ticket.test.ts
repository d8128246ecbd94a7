import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, it } from 'vitest';
import { inertMdx, isAddressLink } from '../../src/lib/authoring/inert-mdx.ts';
import { runNew } from '../../scripts/commands/new-run.ts';
import { parseArticle } from '../../src/lib/content/parse-article.ts';
import { ROOT } from '../helpers/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'kb-sec-new-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
const INERT = new Set(['root', 'paragraph', 'text', 'break']);

/** Node types MDX reads from `mdx` other than plain paragraphs of text. */
function liveNodes(mdx: string): string[] {
  const found: string[] = [];
  visit(parser.parse(mdx), (node) => {
    if (!INERT.has(node.type) && !isAddressLink(node as never)) found.push(node.type);
  });
  return found;
}

// Hostile ticket text, one construct per case: MDX must show it as text and do nothing else.
const HOSTILE: [string, string][] = [
  ['an ESM import of child_process', "import cp from 'node:child_process'"],
  ['an ESM export that runs a command', "export const x = require('node:child_process').execSync('touch /tmp/kb-pwned')"],
  ['ESM after indentation', "   import fs from 'node:fs'"],
  ['an expression', 'Total: {1 + 1} and {process.exit(1)}'],
  ['a JSX component', '<Internal>agent only</Internal> <ErrorCode code="x" />'],
  ['a script tag', '<script>alert(document.cookie)</script>'],
  ['an HTML handler', '<img src="x" onerror="alert(1)">'],
  ['a javascript: link', '[click me](javascript:alert(1))'],
  ['a javascript: autolink, mixed case', '<JavaScript:alert(1)>'],
  ['a remote image (tracking pixel)', '![](https://tracker.example/pixel.gif?id=42)'],
  ['a reference definition', '[x]: https://evil.example\n\n[x]'],
  ['an HTML comment', '<!-- hidden --> </details>'],
  ['a heading, list and code fence', '# Title\n- item\n```js\nalert(1)\n```'],
  ['a character reference of a tag', '&lt;script&gt;alert(1)&lt;/script&gt;'],
  ['a bare URL', 'see https://evil.example/x and www.evil.example'],
];

describe('ticket text written by kb new is inert', () => {
  it.each(HOSTILE)('%s', (_, text) => {
    const mdx = inertMdx(text);
    expect(liveNodes(mdx)).toEqual([]);
    // shown as the ticket said it (line breaks aside)
    expect(toString(parser.parse(mdx)).replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
  });
});

function contentDir(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  cpSync(join(ROOT, 'content/taxonomy.yaml'), join(dir, 'taxonomy.yaml'));
  return dir;
}

async function newFromTicket(name: string, file: string, extra: Record<string, unknown> = {}): Promise<{ code: number; text: string }> {
  const dir = contentDir(name);
  process.env['KB_CONTENT_DIR'] = dir;
  try {
    const code = await runNew(
      {
        fromTicket: 'INC7',
        tickets: file,
        level: '2',
        audience: 'internal',
        product: 'mail',
        lang: 'de',
        slug: 'drafted',
        today: '2026-12-01',
        owner: '@it-messaging',
        ...extra,
      },
      async () => {
        throw new Error('no questions expected');
      },
      false,
    );
    const path = join(dir, 'articles/de/drafted.mdx');
    return { code, text: code === 0 ? readFileSync(path, 'utf8') : '' };
  } finally {
    delete process.env['KB_CONTENT_DIR'];
  }
}

/** The Symptom and Environment sections: what came from the ticket. */
function fromTicket(article: string): RootContent[] {
  const tree = parser.parse(parseArticle(article, 'x.mdx', 'de/x').body) as Root;
  const start = tree.children.findIndex((n) => n.type === 'heading' && toString(n) === 'Symptom');
  const end = tree.children.findIndex((n) => n.type === 'heading' && toString(n) === 'Ursache');
  return tree.children.slice(start + 1, end).filter((n) => n.type !== 'heading');
}

const DESCRIPTION =
  "import cp from 'node:child_process'\nexport const x = cp.execSync('id')\n\n{x} <script>alert(1)</script> ![](https://t.example/p.gif) [a](javascript:alert(1))\nRückruf an Anna Berg, anna.berg@firma.de, (030) 1234567, Passwort: Sommer2024!";

describe('kb new --from-ticket', () => {
  it('writes a hostile, personal ticket as redacted, inert text (CSV)', async () => {
    const file = join(work, 'hostile.csv');
    writeFileSync(file, `id,subject,description,requester,product\nINC7,"Outlook <b>startet</b> {nicht}","${DESCRIPTION}",Anna Berg,Exchange {2019}\n`);
    const { code, text } = await newFromTicket('csv', file);
    expect(code).toBe(0);
    const nodes = fromTicket(text);
    const types = new Set<string>();
    for (const node of nodes) visit(node, (n) => void (isAddressLink(n as never) || types.add(n.type)));
    expect([...types].filter((t) => !INERT.has(t))).toEqual([]);
    const shown = nodes.map((n) => toString(n)).join('\n');
    expect(shown).toContain("import cp from 'node:child_process'");
    expect(shown).toContain('Exchange {2019}');
    expect(shown).not.toMatch(/Anna|Berg|1234567|Sommer2024|firma\.de/);
    expect(shown).toContain('Rückruf an [name], [email], [phone], Passwort: [secret]');
  });

  it.each([
    ['Windows-1252', 'cp1252.csv', (s: string) => iconv.encode(s, 'windows-1252')],
    ['UTF-16 with BOM', 'utf16.csv', (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(s, 'utf-16le')])],
  ])('reads an export in %s with the shared reader', async (_, name, encode) => {
    const file = join(work, name);
    writeFileSync(file, encode('Ticket;Betreff;Beschreibung;Anrufer\nINC7;Drucker druckt nicht;Grüße von Jörg Weiß, Tel. 0171 1234567;Jörg Weiß\n'));
    const { code, text } = await newFromTicket(`encoded-${name}`, file);
    expect(code).toBe(0);
    expect(text).toContain('Drucker druckt nicht');
    expect(text).toContain('Grüße von \\[name], Tel. \\[phone]');
    expect(text).not.toMatch(/Jörg|Weiß|1234567/);
  });

  it('reads NDJSON with --map for an id column the presets do not know', async () => {
    const file = join(work, 'tickets.ndjson');
    writeFileSync(
      file,
      `${JSON.stringify({ Aktenzeichen: 'INC6', subject: 'Andere', description: '' })}\n${JSON.stringify({ Aktenzeichen: 'INC7', subject: 'VPN trennt', description: 'export default 1\nIP 10.1.2.3' })}\n`,
    );
    expect((await newFromTicket('ndjson-unmapped', file)).code).toBe(2);
    const { code, text } = await newFromTicket('ndjson', file, { map: ['id=Aktenzeichen'] });
    expect(code).toBe(0);
    expect(text).toContain('&#x65;xport default 1\nIP \\[ip]');
  });
});
