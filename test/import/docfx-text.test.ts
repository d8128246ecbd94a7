import { describe, expect, it } from 'vitest';
import { rewriteDocfxDirectives } from '../../src/lib/import/docfx-text.ts';
import { IssueSink } from '../../src/lib/import/issues.ts';

/** Rewrites `body` as if it started on line `firstLine`; returns the text and `line:col severity rule` of each issue. */
function rewrite(body: string, firstLine = 1) {
  const sink = new IssueSink('doc.md');
  const text = rewriteDocfxDirectives(body, firstLine, sink);
  return { text, issues: sink.issues.map((i) => `${i.line}:${i.column} ${i.severity} ${i.rule}`), reasons: sink.issues.map((i) => i.reason) };
}

describe('rewriteDocfxDirectives', () => {
  it('turns :::image::: into a Markdown image with its alt text', () => {
    expect(rewrite('Before :::image type="content" source="media/dialog.png" alt-text="The sign-in dialog"::: after').text).toBe(
      'Before ![The sign-in dialog](media/dialog.png) after',
    );
  });

  it('escapes brackets in the alt text and wraps a source with spaces or parentheses in <>', () => {
    expect(rewrite(':::image source="media/my pic (1).png" alt-text="Click [OK]":::').text).toBe('![Click \\[OK\\]](<media/my pic (1).png>)');
  });

  it('keeps the alt text of an image without source, escaped, and reports it where it is', () => {
    const { text, issues } = rewrite('See :::image type="icon" alt-text="*Gear* icon":::', 4);
    expect(text).toBe('See \\*Gear\\* icon');
    expect(issues).toEqual(['4:5 warning docfx-image']);
  });

  it('turns :::no-loc::: into its text, with Markdown characters escaped', () => {
    expect(rewrite('Open :::no-loc text="Settings > *Accounts*"::: first.').text).toBe('Open Settings \\> \\*Accounts\\* first.');
  });

  it("removes zone and moniker fences, keeps every zone's content and reports each fence with its pivot or range", () => {
    const body = [
      ':::zone pivot="windows"',
      'Open Settings.',
      ':::zone-end',
      '',
      '::: moniker range=">=sp-2019"',
      'Use the new admin center.',
      '::: moniker-end',
    ].join('\n');
    const { text, issues, reasons } = rewrite(body, 10);
    expect(text.split('\n')).toEqual(['', 'Open Settings.', '', '', '', 'Use the new admin center.', '']);
    expect(issues).toEqual(['10:1 warning docfx-zone', '14:1 warning docfx-moniker']);
    expect(reasons[0]).toContain('pivot "windows"');
    expect(reasons[1]).toContain('range ">=sp-2019"');
  });

  it('removes row and column layout fences with an info each, content kept', () => {
    const { text, issues } = rewrite(':::row:::\n:::column:::\nLeft\n:::column-end:::\n:::row-end:::');
    expect(text).toBe('\n\nLeft\n\n');
    expect(issues).toEqual(['1:1 info docfx-layout', '2:1 info docfx-layout']);
  });

  it('keeps the quote markers of a fence inside a blockquote, so the quote goes on', () => {
    expect(rewrite('> Note:\n> :::zone pivot="a"\n> Text\n> :::zone-end').text).toBe('> Note:\n>\n> Text\n>');
  });

  it('keeps every line where it was, so later positions still point into the source', () => {
    const body = ':::zone pivot="a"\n:::image source="a.png" alt-text="A":::\n:::no-loc text="X":::\n:::zone-end\nEnd';
    expect(rewrite(body).text.split('\n')).toHaveLength(body.split('\n').length);
  });

  it('leaves directives in fenced code and in code spans as written', () => {
    const fenced = '```md\n:::image source="a.png" alt-text="A":::\n:::zone pivot="x"\n```\n~~~\n:::no-loc text="Y":::\n~~~';
    expect(rewrite(fenced)).toMatchObject({ text: fenced, issues: [] });
    const span = 'Write `:::image source="a.png":::` or `:::foo:::` to show one.';
    expect(rewrite(span)).toMatchObject({ text: span, issues: [] });
  });

  it('does not let a shorter or different fence end a code block early', () => {
    const body = '````md\n```\n:::zone pivot="x"\n```\n````\n~~~\n```\n:::no-loc text="Y":::\n~~~';
    expect(rewrite(body)).toMatchObject({ text: body, issues: [] });
  });

  it('reports an unknown directive at its column and keeps it as text', () => {
    const { text, issues, reasons } = rewrite('Intro\nText :::video source="a.mp4":::', 3);
    expect(text).toBe('Intro\nText :::video source="a.mp4":::');
    expect(issues).toEqual(['4:6 warning docfx-directive']);
    expect(reasons[0]).toContain(':::video');
  });

  it('leaves text without directives alone, colons and all', () => {
    const body = 'Time: 10:00, see std::string\n\n| a | b |\n|:--|--:|';
    expect(rewrite(body)).toMatchObject({ text: body, issues: [] });
  });
});
