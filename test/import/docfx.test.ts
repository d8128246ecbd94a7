import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { convert, FIXTURES, places } from './convert.ts';

describe('DocFX alerts', () => {
  it('turns > [!NOTE] into a note Callout', () => {
    expect(convert('> [!NOTE]\n> Restart Outlook first.\n').mdx).toBe('<Callout type="note">\n  Restart Outlook first.\n</Callout>\n');
  });

  it('turns [!IMPORTANT] into a warning Callout, as our Callout has no "important"', () => {
    expect(convert('> [!IMPORTANT]\n> Back up the registry.\n').mdx).toBe('<Callout type="warning">\n  Back up the registry.\n</Callout>\n');
  });

  it('shows an unknown alert as a note and reports it where it is', () => {
    const { mdx, issues } = convert('Intro.\n\n> [!DANGER]\n> Hot.\n');
    expect(mdx).toBe('Intro.\n\n<Callout type="note">\n  Hot.\n</Callout>\n');
    expect(places(issues)).toEqual(['3:1 warning docfx-alert']);
  });

  it('keeps every paragraph of a multi-paragraph alert', () => {
    expect(convert('> [!TIP]\n> One.\n>\n> Two.\n').mdx).toBe('<Callout type="tip">\n  One.\n\n  Two.\n</Callout>\n');
  });

  it('turns [!VIDEO url] into a link', () => {
    const { mdx, issues } = convert('> [!VIDEO https://example.com/v/1]\n');
    expect(mdx).toBe('[Video: https://example.com/v/1](https://example.com/v/1)\n');
    expect(places(issues)).toEqual(['1:1 info docfx-video']);
  });

  it('unwraps [!div class="nextstepaction"] to its content', () => {
    expect(convert('> [!div class="nextstepaction"]\n> [Next step](https://example.com/next)\n').mdx).toBe('[Next step](https://example.com/next)\n');
  });
});

describe('DocFX :::image and :::no-loc', () => {
  it('copies an image that exists and points at the copy', () => {
    const copied: string[] = [];
    const { mdx, issues } = convert(':::image type="content" source="media/pic.png" alt-text="The error dialog":::\n', { copied });
    expect(mdx).toBe('![The error dialog](./media/snippet/pic.png)\n');
    expect(copied).toEqual([resolve(FIXTURES, 'docfx/media/pic.png')]);
    expect(issues).toEqual([]);
  });

  it('replaces a missing image by its alt text and reports its line and column', () => {
    const { mdx, issues } = convert('Text.\n\n:::image type="icon" source="media/missing.png" alt-text="Gear icon":::\n');
    expect(mdx).toBe('Text.\n\n_\\[Image: Gear icon]_\n');
    expect(places(issues)).toEqual(['3:1 warning image-missing']);
    expect(issues[0]!.reason).toBe('Unexpected missing image `media/missing.png`, expected the file next to the source (replaced by its alt text)');
  });

  it('keeps the long description of a complex image and drops the :::image-end::: fence', () => {
    const md = ':::image type="complex" source="media/pic.png" alt-text="Chart":::\nThe chart rises.\n:::image-end:::\n';
    expect(convert(md).mdx).toBe('![Chart](./media/snippet/pic.png)\nThe chart rises.\n');
  });

  it('turns :::no-loc::: into its literal text', () => {
    expect(convert('Name the value *:::no-loc text="<%Path%>_x":::*.\n').mdx).toBe('Name the value _\\<%Path%>\\_x_.\n');
  });
});

describe('DocFX zones and monikers', () => {
  it('keeps the content of every zone pivot and reports the fence with its place', () => {
    const { mdx, issues } = convert('Intro.\n\n::: zone pivot="windows"\nOn Windows.\n::: zone-end\n\n::: zone pivot="mac"\nOn Mac.\n::: zone-end\n');
    expect(mdx).toBe('Intro.\n\nOn Windows.\n\nOn Mac.\n');
    expect(places(issues)).toEqual(['3:1 warning docfx-zone', '7:1 warning docfx-zone']);
    expect(issues[0]!.reason).toBe('Unexpected zone pivot "windows", expected plain content (fence removed, content of every zone kept)');
  });

  it('keeps moniker content and reports the range', () => {
    const { mdx, issues } = convert('::: moniker range=">=exchange-2019"\nNew setting.\n::: moniker-end\n');
    expect(mdx).toBe('New setting.\n');
    expect(issues.map((i) => i.reason)).toEqual([
      'Unexpected moniker range ">=exchange-2019", expected plain content (fence removed, content of every moniker kept)',
    ]);
  });

  it('leaves ::: lines inside fenced code alone', () => {
    expect(convert('```text\n::: zone pivot="x"\n```\n').mdx).toBe('```text\n::: zone pivot="x"\n```\n');
  });
});

describe('DocFX includes', () => {
  it('inlines an include that exists in place of its paragraph', () => {
    const { mdx, issues } = convert('Before.\n\n[!INCLUDE [Disclaimer](includes/disclaimer.md)]\n\nAfter.\n');
    expect(mdx).toBe('Before.\n\n**Third-party disclaimer**\n\nProducts of other vendors are not covered.\n\nAfter.\n');
    expect(issues).toEqual([]);
  });

  it('inlines a one-paragraph include inside a sentence', () => {
    expect(convert('Open [!INCLUDE [name](includes/inline-name.md)] now.\n').mdx).toBe('Open Contoso Mail now.\n');
  });

  it('keeps the title of a missing include and reports it', () => {
    const { mdx, issues } = convert('[!INCLUDE [Gone](includes/gone.md)]\n');
    expect(mdx).toBe('Gone\n');
    expect(issues.map((i) => `${i.line}:${i.column} ${i.reason}`)).toEqual([
      '1:1 Unexpected missing include `includes/gone.md`, expected the file next to the source (title kept)',
    ]);
  });

  it('stops an include that includes itself and reports the cycle', () => {
    const { issues } = convert('[!INCLUDE [Loop](includes/self.md)]\n');
    expect(issues.map((i) => i.rule)).toEqual(['docfx-include']);
    expect(issues[0]!.file).toBe(resolve(FIXTURES, 'docfx/includes/self.md'));
  });
});

describe('text MDX would misread', () => {
  it('escapes literal braces so MDX does not read an expression', () => {
    expect(convert('Set {Identity} and }.\n').mdx).toBe('Set \\{Identity} and }.\n');
  });

  it('escapes placeholders such as <user> that are not HTML', () => {
    expect(convert('Run Get-Mailbox <user> now.\n').mdx).toBe('Run Get-Mailbox \\<user> now.\n');
  });

  it('writes links as [text](url) because MDX has no <autolinks>', () => {
    expect(convert('See <https://example.com>.\n').mdx).toBe('See [https://example.com](https://example.com).\n');
  });

  it('keeps braces in code as they are', () => {
    expect(convert('Run `Get-Item {x}`.\n').mdx).toBe('Run `Get-Item {x}`.\n');
  });
});

describe('HTML inside Markdown', () => {
  it('closes an unclosed <br>', () => {
    expect(convert('One<br>two\n').mdx).toBe('One<br />two\n');
  });

  it('turns an unclosed <img> into a Markdown image', () => {
    expect(convert('<img src="https://example.com/a.png" alt="Dialog">\n').mdx).toBe('![Dialog](https://example.com/a.png)\n');
  });

  it('turns an HTML comment into an MDX comment', () => {
    expect(convert('<!-- reviewed by legal -->\n\nText.\n').mdx).toBe('{/* reviewed by legal */}\n\nText.\n');
  });

  it('turns <a name> anchors into <a id />', () => {
    expect(convert('<a name="method-1"></a>\n\n## Method 1\n').mdx).toBe('<a id="method-1" />\n\n## Method 1\n');
  });

  it('turns <b>, <i> and <code> into Markdown', () => {
    expect(convert('Type <b>regedit</b>, <i>then</i> <code>Enter</code>.\n').mdx).toBe('Type **regedit**, _then_ `Enter`.\n');
  });

  it('wraps the Markdown between <details> and </details> into JSX', () => {
    const md = '<details>\n<summary><b>Reset Office</b></summary>\n\n1. Close Office.\n\n</details>\n';
    expect(convert(md).mdx).toBe('<details>\n  <summary>\n    **Reset Office**\n  </summary>\n\n  1. Close Office.\n</details>\n');
  });

  it('drops an unclosed tag but keeps its content, and reports it', () => {
    const { mdx, issues } = convert('Text <sup>1 and more.\n');
    expect(mdx).toBe('Text 1 and more.\n');
    expect(places(issues)).toEqual(['1:6 warning html-unclosed']);
  });

  it('keeps <br> inside table cells on one row', () => {
    expect(convert('| a |\n| - |\n| x<br/>y |\n').mdx).toBe('| a        |\n| -------- |\n| x<br />y |\n');
  });

  it('rewrites a link to another imported article to its new URL', () => {
    expect(convert('See [crash](outlook-crash.md#cause).\n').mdx).toBe('See [crash](/en/articles/outlook-crash/#cause).\n');
  });
});

describe('KCS section names', () => {
  it('renames level-2 headings by the mapping, ignoring case, and leaves other levels alone', () => {
    const { mdx } = convert('## SYMPTOMS\n\nA.\n\n### Symptoms\n\n## Solution\n\nB.\n', {
      mapping: { headings: { Symptoms: 'Symptom', Solution: 'Resolution' } },
    });
    expect(mdx).toBe('## Symptom\n\nA.\n\n### Symptoms\n\n## Resolution\n\nB.\n');
  });
});

describe('links and anchors the site checks', () => {
  it('removes a link to a file outside the import, keeps its text and reports it', () => {
    const { mdx, issues } = convert('See [startup folders](use-startup-folders.md).\n');
    expect(mdx).toBe('See startup folders.\n');
    expect(issues.map((i) => `${i.line}:${i.column} ${i.severity} ${i.reason}`)).toEqual([
      '1:5 warning Unexpected link to `use-startup-folders.md`, expected an article of this import (link removed, text kept)',
    ]);
  });

  it('drops DocFX view queries and follows Windows path separators to imported articles', () => {
    expect(convert('[a](outlook-crash.md?preserve-view=true#cause) [b](..%5Cdocfx%5Coutlook-crash.md)\n').mdx).toBe(
      '[a](/en/articles/outlook-crash/#cause) [b](/en/articles/outlook-crash/)\n',
    );
  });

  it('turns DocFX tab headings into plain headings', () => {
    const { mdx, issues } = convert('## [Windows](#tab/windows)\n\nWin.\n\n## [Mac](#tab/mac)\n\nMac.\n');
    expect(mdx).toBe('## Windows\n\nWin.\n\n## Mac\n\nMac.\n');
    expect(issues.map((i) => i.rule)).toEqual(['docfx-tabs', 'docfx-tabs']);
  });

  it('follows a renamed section with in-page and cross-page links', () => {
    const { mdx } = convert('## Symptoms\n\nA.\n\n[up](#symptoms) [other](outlook-crash.md#symptoms)\n', { mapping: { headings: { Symptoms: 'Symptom' } } });
    expect(mdx).toBe('## Symptom\n\nA.\n\n[up](#symptom) [other](/en/articles/outlook-crash/#symptom)\n');
  });

  it('reads the DocFX spellings ##anchor and ###anchor as #anchor, in-page and across pages', () => {
    const { mdx } = convert('## Setup\n\n[up](##setup) [more](###setup) [other](outlook-crash.md##symptoms)\n');
    expect(mdx).toBe('## Setup\n\n[up](#setup) [more](#setup) [other](/en/articles/outlook-crash/#symptoms)\n');
  });

  it('keeps the id of the H1 that became the title when "Back to top" links point at it', () => {
    const { mdx } = convert('# Resolve free/busy errors\n\n## One\n\n[Back to top](#resolve-freebusy-errors)\n', { mapping: { titleFromH1: true } });
    expect(mdx).toBe('<a id="resolve-freebusy-errors" />\n\n## One\n\n[Back to top](#resolve-freebusy-errors)\n');
  });

  it('keeps the id of an unclosed <div id> as an anchor', () => {
    const { mdx } = convert('<div id="sectiona">\n\nText.\n');
    expect(mdx).toBe('<a id="sectiona" />\n\nText.\n');
  });
});

describe('DocFX directives without a conversion', () => {
  it('keeps an unknown directive such as :::code as text and reports it', () => {
    const { mdx, issues } = convert(':::code language="powershell" source="snippets/a.ps1":::\n');
    expect(mdx).toBe(':::code language="powershell" source="snippets/a.ps1":::\n');
    expect(issues.map((i) => `${i.line}:${i.column} ${i.rule}`)).toEqual(['1:1 docfx-directive']);
  });
});

describe('DocFX directives inside inline code', () => {
  it('leaves ::: in inline code as written and does not report it', () => {
    const { mdx, issues } = convert('Error `Item:::DocumentId:::ItemId` and `:::image source="a.png":::`.\n');
    expect(mdx).toBe('Error `Item:::DocumentId:::ItemId` and `:::image source="a.png":::`.\n');
    expect(issues).toEqual([]);
  });
});

describe('backticks inside a directive', () => {
  it('converts an image whose alt text holds inline code (alt text is plain text)', () => {
    expect(convert(':::image type="content" source="media/pic.png" alt-text="Open `a.16` now.":::\n').mdx).toBe('![Open a.16 now.](./media/snippet/pic.png)\n');
  });
});

// The import reads sources with Sätteri where it reads Markdown as CommonMark and GFM do, and with
// remark where it does not (parseSource in convert-markdown.ts): these are the two differences
// found on the shared corpora, each with the remark result the import must keep.
describe('Markdown read as CommonMark and GFM do', () => {
  it('keeps a scheme without a domain as text, not a link', () => {
    expect(convert('Die URLs müssen mit „http://“ oder „https://“ beginnen.\n').mdx).toBe('Die URLs müssen mit „http\\://“ oder „https\\://“ beginnen.\n');
  });

  it('links a bare URL with a domain, as GFM does', () => {
    expect(convert('See https://www.bing.com/search for more.\n').mdx).toBe('See [https://www.bing.com/search](https://www.bing.com/search) for more.\n');
  });

  it('reads emphasis next to an escaped asterisk', () => {
    expect(convert('C:\\Documents and Settings\\**user name**\\Application Data\n').mdx).toBe(
      'C:\\Documents and Settings\\*_user name_\\*\\Application Data\n',
    );
  });

  it('reads a plain article the same either way', () => {
    const source = '## Symptom\n\nOutlook **crashes** at start, see [the fix](https://example.com/fix).\n\n1. Open *Safe mode*.\n2. Run `outlook.exe /safe`.\n';
    expect(convert(source).mdx).toBe(
      '## Symptom\n\nOutlook **crashes** at start, see [the fix](https://example.com/fix).\n\n1. Open _Safe mode_.\n2. Run `outlook.exe /safe`.\n',
    );
  });
});
