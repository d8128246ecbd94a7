import { describe, expect, it } from 'vitest';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { parseMarkdown, parseMdx, parseMdxFast, readMdxTree } from '../../src/lib/content/mdx.ts';
import { linksInTree } from '../../src/lib/links.ts';

// kb stale (and the agent site's health page) read links with Sätteri; kb check with remark. Both
// must see the same links at the same places, or the two would disagree about broken links.
const BODIES = {
  'Markdown links and a definition': 'See [the fix](/en/articles/printer/) and [docs][d].\n\n[d]: ../vpn/#setup\n',
  'links in code are not links': 'Run `[x](/en/articles/a/)`:\n\n```md\n[y](/en/articles/b/)\n```\n\n[z](./c.mdx)\n',
  'JSX href and img src inside components':
    '<Callout>\n<a href="/de/articles/drucker/">Drucker</a>\n</Callout>\n\n<Internal>\n[secret](/en/articles/s/)\n</Internal>\n\n<img src="./x.png" alt="" />\n',
  'autolinks and bare addresses (GFM off)': 'Mail user@contoso.com or see https://example.com and <https://example.org>.\n',
  'invalid MDX read as Markdown': 'An { unclosed expression and [a link](/en/articles/a/).\n',
  'umlauts and CRLF': 'Zeile eins\r\n\r\nSiehe [Lösung](/de/articles/lösung/#schritt-2).\r\n',
};

describe('readMdxTree', () => {
  it.each(Object.entries(BODIES))('finds the links remark finds: %s', (_, body) => {
    let tree;
    try {
      tree = parseMdx(body);
    } catch {
      tree = parseMarkdown(body);
    }
    const strip = (links: ReturnType<typeof linksInTree>) => links.map((l) => ({ ...l, position: { line: l.position.line, column: l.position.column } }));
    expect(strip(linksInTree(readMdxTree(body)))).toEqual(strip(linksInTree(tree)));
  });
});

// kb check reads every article with parseMdxFast (Sätteri) before every build: its rules must see
// the tree remark gives, node for node at the same places, and remark's message for invalid MDX.
const FILE = `---
title: Drucker offline
tags: [printer]
---

import x from './x.js';

## Symptom: {'{'} and \`code\`

Text with **bold**, [a link](/en/articles/a/#b) and <ErrorCode code="0x80070005" />.

<Steps>
1. Open <kbd>Ctrl</kbd>
2. Run {/* comment */}

   \`\`\`powershell
   Get-Item x
   \`\`\`
</Steps>

<Internal>
- secret [link][d]
</Internal>

[d]: ../vpn/#setup
`;

describe('parseMdxFast', () => {
  const shape = (tree: Node) => {
    const nodes: string[] = [];
    visit(tree, (node: Node) => {
      // where each node starts, and what it holds (ends may differ: Sätteri ends an ESM block after its line break; no rule reads ends)
      const value = (node as { value?: unknown }).value;
      const attributes = (node as { attributes?: { name?: string; value?: unknown }[] }).attributes?.map((a) => [
        a.name,
        typeof a.value === 'string' ? a.value : (a.value as { value?: string })?.value,
      ]);
      nodes.push(`${node.type} ${node.position?.start.line}:${node.position?.start.column} ${JSON.stringify(value ?? '')} ${JSON.stringify(attributes ?? [])}`);
    });
    return nodes;
  };

  it('gives the nodes remark gives, starting at the same places and holding the same text, for a whole file and for a body', () => {
    expect(shape(parseMdxFast(FILE, { frontmatter: true }))).toEqual(shape(parseMdx(FILE, { frontmatter: true })));
    const body = FILE.slice(FILE.indexOf('\n---\n') + 5);
    expect(shape(parseMdxFast(body))).toEqual(shape(parseMdx(body)));
  });

  it("throws remark's message and place for invalid MDX", () => {
    const invalid = `${FILE}\nPress {Ctrl+C to copy.\n`;
    expect(() => parseMdx(invalid)).toThrow();
    let fast: unknown;
    let remark: unknown;
    try {
      parseMdxFast(invalid);
    } catch (error) {
      fast = error;
    }
    try {
      parseMdx(invalid);
    } catch (error) {
      remark = error;
    }
    expect(String(fast)).toBe(String(remark));
    expect((fast as { line?: number }).line).toBe((remark as { line?: number }).line);
  });
});
