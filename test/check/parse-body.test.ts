import { describe, expect, it } from 'vitest';
import { headingAnchors, parseBody } from '../../src/lib/check/parse-body.ts';
import { parseArticle } from '../../src/lib/content/parse-article.ts';

const FRONTMATTER = '---\ntitle: Printer offline\nlevel: 1\n---\n';

const parse = (source: string) => parseBody(parseArticle(source, 'en/x.mdx', 'en/x'));

describe('parseBody', () => {
  it('parses the body with file positions: line numbers count the frontmatter', () => {
    const { tree, error } = parse(`${FRONTMATTER}\n## Resolution\n\nRestart.\n`);
    expect(error).toBeUndefined();
    const heading = tree!.children.find((n) => n.type === 'heading');
    expect(heading?.position?.start).toMatchObject({ line: 6, column: 1 });
  });

  it('keeps the frontmatter out of the body content (it is one yaml node)', () => {
    const { tree } = parse(`${FRONTMATTER}\nText with {/* a comment */}.\n`);
    expect(tree!.children.map((n) => n.type)).toEqual(['yaml', 'paragraph']);
  });

  it('parses a file without frontmatter from its first line', () => {
    const { tree } = parse('## Cause\n\nWhy.\n');
    expect(tree!.children[0]?.position?.start.line).toBe(1);
  });

  it('gives the syntax error of invalid MDX with its line in the file', () => {
    const { tree, error } = parse(`${FRONTMATTER}\n## Resolution\n\nPress {Ctrl+C to copy.\n`);
    expect(tree).toBeUndefined();
    expect(error?.position.line).toBe(8);
    expect(error?.message).toMatch(/\S/);
  });

  it('places an unclosed component at its opening tag, not at the end of the file', () => {
    const { error } = parse(`${FRONTMATTER}\nIntro.\n\n<Callout type="note">\n\nText.\n\n## Next\n\nMore.\n`);
    expect(error?.position).toEqual({ line: 8, column: 1 });
    // the range that gave the place is taken out of the message
    expect(error?.message).not.toMatch(/\(\d+:\d+-\d+:\d+\)/);
    expect(error?.message).toContain('Callout');
  });

  it('reads nothing of a frontmatter that is not closed as MDX (the YAML rules report it, once)', () => {
    const { error } = parse('---\ntitle: Use {braces} and <b>\nlevel: 1\n\n## Resolution\n\nText.\n');
    expect(error).toBeUndefined();
  });

  it('never throws, whatever the file holds', () => {
    for (const source of ['', '---\n', '---\ntitle: [\n---\n<', '<<<>>>{{{', '\u0000\uFFFF', `${FRONTMATTER}\n</Internal>\n`]) {
      expect(() => parse(source), JSON.stringify(source)).not.toThrow();
    }
  });
});

describe('headingAnchors', () => {
  const anchors = (body: string) => headingAnchors(parse(`${FRONTMATTER}\n${body}`).tree);

  it('makes heading ids the way the site does, numbering repeated headings', () => {
    expect([...anchors('## Symptom\n\n## Step 1: Öffnen & prüfen\n\n### Notes\n\n## Notes\n')]).toEqual([
      'symptom',
      'step-1-öffnen--prüfen',
      'notes',
      'notes-1',
    ]);
  });

  it('adds the explicit ids of components and HTML elements', () => {
    expect(anchors('<a id="old-anchor" />\n\nText <span id="inline-id">x</span>.\n\n<Callout id="tip-1" type="tip">\nHi\n</Callout>\n')).toEqual(
      new Set(['old-anchor', 'inline-id', 'tip-1']),
    );
  });

  it('ignores ids that are expressions and names that are not ids', () => {
    expect(anchors('<a name="legacy" />\n\n<span id={"computed"}>x</span>\n')).toEqual(new Set());
  });

  it('has no anchors for a body that did not parse', () => {
    expect(headingAnchors(undefined)).toEqual(new Set());
  });
});
