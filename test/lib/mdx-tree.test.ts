import { describe, expect, it } from 'vitest';
import { parseMarkdown, parseMdx, readMdxTree } from '../../src/lib/content/mdx.ts';
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
