import { describe, expect, it } from 'vitest';
import { parseMarkdown, parseMdx } from '../../src/lib/content/mdx.ts';

describe('parseMdx', () => {
  it('reads components, comments and Markdown of an article body', () => {
    const tree = parseMdx('## Resolution\n\n<Steps>\n1. Restart.\n</Steps>\n\n{/* note */}\n\nPress <kbd>F5</kbd>.\n');
    expect(tree.children.map((n) => n.type)).toEqual(['heading', 'mdxJsxFlowElement', 'mdxFlowExpression', 'paragraph']);
  });

  it("keeps a whole file's frontmatter as one yaml node with `frontmatter`, so positions are file positions", () => {
    const tree = parseMdx('---\ntitle: A {b} <c>\n---\n\n## Cause\n', { frontmatter: true });
    expect(tree.children.map((n) => n.type)).toEqual(['yaml', 'heading']);
    expect(tree.children[1]?.position?.start.line).toBe(5);
  });

  it('reads a leading --- block as Markdown without `frontmatter` (a body has none)', () => {
    expect(parseMdx('---\ntitle: x\n---\n').children.map((n) => n.type)).not.toContain('yaml');
  });

  it("throws the parser's message with a place for text that is not valid MDX", () => {
    for (const text of ['Press {Ctrl+C.\n', '<Callout>\n\nnever closed\n', 'a <b> c\n']) {
      let caught: { reason?: string; line?: number; place?: { line?: number; start?: { line: number } } } | undefined;
      try {
        parseMdx(text);
      } catch (error) {
        caught = error as typeof caught;
      }
      expect(caught, text).toBeDefined();
      expect(caught?.reason, text).toMatch(/\S/);
      // a point, a range, or (an unclosed tag) a range in the reason: kb check turns each into
      // line:col (src/lib/check/parse-body.ts)
      const line = caught?.line ?? caught?.place?.line ?? caught?.place?.start?.line ?? Number(/\((\d+):\d+-\d+:\d+\)/.exec(caught?.reason ?? '')?.[1]);
      expect(line, text).toBeGreaterThan(0);
    }
  });

  it('does not read GFM tables or autolinks (no reader needs them), but keeps their links as plain Markdown', () => {
    const tree = parseMdx('| a | b |\n|---|---|\n| [x](/en/articles/x/) | y |\n');
    expect(tree.children.map((n) => n.type)).toEqual(['paragraph']);
    expect(JSON.stringify(tree)).toContain('"url":"/en/articles/x/"');
  });
});

describe('parseMarkdown', () => {
  it('reads what MDX refuses, so the links of an invalid body can still be checked', () => {
    const text = 'Press {Ctrl+C. See [the reset](/en/articles/vpn-reset/) and <b>this.\n';
    expect(() => parseMdx(text)).toThrow();
    const tree = parseMarkdown(text);
    expect(JSON.stringify(tree)).toContain('"url":"/en/articles/vpn-reset/"');
  });
});
