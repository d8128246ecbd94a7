import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceRoots } from '../../src/lib/import/confine.ts';
import { convertAlerts, inlineIncludes, type ParseInclude } from '../../src/lib/import/docfx-tree.ts';
import { IssueSink } from '../../src/lib/import/issues.ts';
import { DEFAULT_ALERTS } from '../../src/lib/import/mapping.ts';
import { serializeArticle } from '../../src/lib/import/serialize.ts';

const parser = unified().use(remarkParse).use(remarkGfm);
const mdx = (tree: Root) => serializeArticle({}, tree).replace(/^---\n\{\}\n---\n\n/, '');
const issuesOf = (sink: IssueSink) => sink.issues.map((i) => `${i.line}:${i.column} ${i.severity} ${i.rule}`);

function alerts(markdown: string, names: Record<string, 'note' | 'tip' | 'warning'> = DEFAULT_ALERTS) {
  const sink = new IssueSink('doc.md');
  const tree = parser.parse(markdown);
  convertAlerts(tree, names, sink);
  return { tree, mdx: mdx(tree), issues: issuesOf(sink), reasons: sink.issues.map((i) => i.reason) };
}

describe('convertAlerts', () => {
  it('maps alert names to Callout types through the mapping, case-insensitively', () => {
    expect(alerts('> [!Caution]\n> Back up first.\n').mdx).toBe('<Callout type="warning">\n  Back up first.\n</Callout>\n');
    expect(alerts('> [!IMPORTANT]\n> Read this.\n', { ...DEFAULT_ALERTS, important: 'tip' }).mdx).toBe('<Callout type="tip">\n  Read this.\n</Callout>\n');
  });

  it('shows an alert the mapping does not know as a note, and says how to map it', () => {
    const { mdx: out, issues, reasons } = alerts('Text.\n\n> [!DANGER]\n> Hot surface.\n');
    expect(out).toBe('Text.\n\n<Callout type="note">\n  Hot surface.\n</Callout>\n');
    expect(issues).toEqual(['3:1 warning docfx-alert']);
    expect(reasons[0]).toContain('[!DANGER]');
  });

  it('converts alerts wherever they are: in list items and inside other quotes', () => {
    const { tree } = alerts('1. Step one\n\n   > [!TIP]\n   > Use the shortcut.\n');
    expect(JSON.stringify(tree)).toContain('"name":"Callout"');
    expect(JSON.stringify(tree)).not.toContain('[!TIP]');
  });

  it('keeps the text that follows the marker on the same line', () => {
    expect(alerts('> [!NOTE] Restart first.\n').mdx).toBe('<Callout type="note">\n  Restart first.\n</Callout>\n');
  });

  it('leaves plain quotes and [!INCLUDE] quotes alone', () => {
    expect(alerts('> Just a quote.\n').mdx).toBe('> Just a quote.\n');
    expect(alerts('> [!INCLUDE [x](x.md)]\n').issues).toEqual([]);
  });

  it('turns [!VIDEO url] into a link to the video and [!div] into its content', () => {
    expect(alerts('> [!VIDEO https://www.youtube.com/embed/abc]\n').mdx).toBe(
      '[Video: https://www.youtube.com/embed/abc](https://www.youtube.com/embed/abc)\n',
    );
    const { mdx: out, issues } = alerts('> [!div class="nextstepaction"]\n> [Next](next.md)\n');
    expect(out).toBe('[Next](next.md)\n');
    expect(issues).toEqual(['1:1 info docfx-div']);
  });
});

const work = mkdtempSync(join(tmpdir(), 'kb-docfx-tree-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A source folder with `files`, and a parseInclude that parses with the same rules (recursively). */
function folder(name: string, files: Record<string, string>) {
  const dir = join(work, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  const parsed: string[] = [];
  const parseInclude: ParseInclude = (file, source, sink, seen) => {
    parsed.push(file);
    const tree = parser.parse(source);
    inlineIncludes(tree, file, parseInclude, sink, seen);
    return tree;
  };
  const run = (markdown: string, roots?: SourceRoots) => {
    const sink = new IssueSink('doc.md');
    const tree = parser.parse(markdown);
    const doc = join(dir, 'doc.md');
    inlineIncludes(tree, doc, parseInclude, sink, new Set([doc]), roots);
    return { mdx: mdx(tree), issues: issuesOf(sink), reasons: sink.issues.map((i) => i.reason) };
  };
  return { dir, run, parsed };
}

describe('inlineIncludes', () => {
  it('replaces an include paragraph by the included blocks', () => {
    const { run } = folder('blocks', { 'includes/steps.md': '## Steps\n\n1. Open Outlook.\n2. Restart.\n' });
    expect(run('Before.\n\n[!INCLUDE [Steps](includes/steps.md)]\n\nAfter.\n').mdx).toBe('Before.\n\n## Steps\n\n1. Open Outlook.\n2. Restart.\n\nAfter.\n');
  });

  it('puts a one-paragraph include into the sentence, formatting kept', () => {
    const { run } = folder('inline', { 'includes/name.md': '**Contoso** Mail\n' });
    expect(run('Open [!INCLUDE [name](includes/name.md)] now.\n').mdx).toBe('Open **Contoso** Mail now.\n');
  });

  it('inserts a block include inside a sentence as plain text, and says so', () => {
    const { run } = folder('block-in-sentence', { 'includes/two.md': 'First.\n\nSecond.\n' });
    const { mdx: out, issues } = run('See [!INCLUDE [two](includes/two.md)] here.\n');
    expect(out).toMatch(/^See First\.\s*Second\. here\.\n$/);
    expect(issues).toEqual(['1:1 warning docfx-include']);
  });

  it('follows includes inside includes, and stops at a cycle with the title kept', () => {
    const { run, parsed, dir } = folder('nested', {
      'includes/a.md': 'A says: [!INCLUDE [b](b.md)]\n',
      'includes/b.md': 'B then [!INCLUDE [back to a](a.md)]\n',
    });
    const { mdx: out, issues } = run('[!INCLUDE [a](includes/a.md)]\n');
    expect(out).toBe('A says: B then back to a\n');
    expect(parsed).toEqual([join(dir, 'includes/a.md'), join(dir, 'includes/b.md')]);
    expect(issues.map((i) => i.split(' ').at(-1))).toEqual(['docfx-include']);
  });

  it('keeps the title of a missing include and reports it', () => {
    const { run } = folder('missing', {});
    const { mdx: out, issues } = run('Intro.\n\n[!INCLUDE [Disclaimer](includes/gone.md)]\n');
    expect(out).toBe('Intro.\n\nDisclaimer\n');
    expect(issues).toEqual(['3:1 warning docfx-include']);
  });

  it('never reads an include outside the imported folders, however the path climbs out', () => {
    const secret = join(work, 'secret.md');
    writeFileSync(secret, 'TOP SECRET\n');
    const { run, parsed, dir } = folder('confined', { 'doc.md': '' });
    const { mdx: out, issues } = run('[!INCLUDE [Secret](../secret.md)]\n', new SourceRoots([dir], dir));
    expect(out).toBe('Secret\n');
    expect(out).not.toContain('TOP SECRET');
    expect(parsed).toEqual([]);
    expect(issues).toEqual(['1:1 warning outside-source']);
  });

  it('decodes a percent-encoded path and ignores the anchor of the include link', () => {
    const { run } = folder('encoded', { 'includes/my note.md': 'Noted.\n' });
    expect(run('[!INCLUDE [note](includes/my%20note.md#top)]\n').mdx).toBe('Noted.\n');
  });
});
