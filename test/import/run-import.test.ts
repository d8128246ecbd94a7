import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { readTaxonomy } from '../../src/lib/content/taxonomy.ts';
import { readArticles } from '../../src/lib/content/read-articles.ts';
import { readMapping } from '../../src/lib/import/mapping.ts';
import { runImport, type ImportResult } from '../../src/lib/import/run-import.ts';
import { jsonReport, summarize, textReport } from '../../src/lib/import/report.ts';
import { FIXTURE_SITE_CONTENT } from '../helpers/paths.ts';
import { FIXTURES } from './convert.ts';

const taxonomy = readTaxonomy(FIXTURE_SITE_CONTENT);
const mapping = readMapping(resolve(FIXTURES, 'mapping/small.yaml'));
let out: string;
let result: ImportResult;

function article(lang: string, slug: string): string {
  return readFileSync(join(out, 'articles', lang, `${slug}.mdx`), 'utf8');
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'kb-import-test-'));
  result = await runImport({ inputs: ['docfx', 'zendesk', 'confluence'], outDir: out, mapping, taxonomy, writeTaxonomy: true, cwd: FIXTURES });
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('importing a DocFX article', () => {
  it('writes frontmatter from the mapping, the H1 as title and the body as MDX', () => {
    expect(article('en', 'outlook-crash')).toBe(`---
title: Outlook crashes when you open a shared mailbox
summary: Outlook closes when you open a shared mailbox.
level: 1
audience: public
state: validated
product: mail
tags:
  - mail-flow
owner: jdoe
reviewed: 2024-01-24
lang: en
---

Outlook closes without a message.

<Callout type="note">
  This applies to \\{all} versions.
</Callout>

**Third-party disclaimer**

Products of other vendors are not covered.

![The error dialog](./media/outlook-crash/pic.png)
`);
    expect(existsSync(join(out, 'articles/en/media/outlook-crash/pic.png'))).toBe(true);
  });

  it('does not import files of include folders on their own', () => {
    expect(result.files.map((f) => f.source).filter((s) => s.includes('includes/'))).toEqual([]);
  });
});

describe('importing Zendesk Help Center exports', () => {
  it('converts an API JSON article: HTML body, labels as tags, locale and date', () => {
    expect(article('en', 'printer-shows-offline')).toBe(`---
title: Printer shows offline
summary: The printer shows Offline in Windows.
level: 1
audience: public
state: validated
product: workplace
tags:
  - printer
  - hardware-issue
owner: "@it-messaging"
reviewed: 2024-03-05
lang: en
---

The printer shows **Offline** in Windows.

## Resolution

1. Restart the print spooler.
2. Check the cable.

Use \\{curly} names.
`);
  });

  // Lines of a JSON export count within the article's body HTML: the body is one JSON string.
  it('reports the embed it had to drop, with its place in the body', () => {
    const file = result.files.find((f) => f.source === 'zendesk/articles.json#360001')!;
    expect(file.issues.filter((i) => i.rule === 'html-dropped').map((i) => `${i.line}:${i.column} ${i.reason}`)).toEqual([
      '5:1 Unexpected <iframe>, expected content with a Markdown form (removed, source https://www.youtube.com/embed/abc)',
    ]);
  });

  it('maps draft: true to state draft and the German locale to de', () => {
    expect(parse(article('de', 'vpn-trennt-sich').split('---')[1]!)).toMatchObject({ state: 'draft', lang: 'de', reviewed: '2024-04-01' });
  });

  it('converts an exported HTML article, taking the title from <title>', () => {
    expect(article('en', 'reset-password')).toContain('title: Reset your password\n');
    expect(article('en', 'reset-password')).toContain('Open the portal and choose _Forgot password_.\n\nLine one\\\nline two\n');
  });
});

describe('importing a Confluence space export', () => {
  it('keeps only the main content, turns macros into Callouts and links pages to each other', () => {
    const mdx = article('en', 'printer-offline');
    expect(mdx).toContain('title: Printer offline\n');
    expect(mdx.slice(mdx.indexOf('\n---\n') + 5)).toBe(`
The printer shows offline.

<Callout type="warning">
  Do not reinstall the driver.
</Callout>

## Resolution

\`\`\`powershell
Restart-Service Spooler
\`\`\`

![Printer queue](./media/printer-offline/screen.png)

See [VPN drops](/en/articles/vpn-drops/).
`);
  });

  it('turns a tip macro into a tip Callout', () => {
    expect(article('en', 'vpn-drops')).toContain('<Callout type="tip">\n  Reconnect on the wired network.\n</Callout>\n');
  });
});

describe('taxonomy and validity', () => {
  it('adds products and tags the taxonomy lacks to a generated taxonomy file', () => {
    expect(result.newTags).toEqual(['hardware-issue', 'mail-flow']);
    const written = parse(readFileSync(join(out, 'taxonomy.yaml'), 'utf8')) as { tags: { id: string }[] };
    expect(written.tags.map((t) => t.id)).toEqual(expect.arrayContaining(['hardware-issue', 'mail-flow', 'printer']));
  });

  it('writes only articles that pass the article schema', async () => {
    const articles = await readArticles(out, out);
    expect(articles.map((a) => [a.id, a.issues.length])).toEqual(
      result.files
        .filter((f) => f.status === 'written')
        .map((f) => [f.id, 0])
        .sort(),
    );
  });
});

describe('report', () => {
  it('counts read = written + rejected and lists skipped files', () => {
    const summary = summarize(result);
    expect(summary.read).toBe(summary.written + summary.rejected);
    expect(summary.read).toBe(8);
  });

  it('puts every issue with file, line and column into the JSON report', () => {
    const json = JSON.parse(jsonReport(result, '2026-01-02')) as {
      date: string;
      files: { source: string; issues: { file: string; line: number; column: number; rule: string }[] }[];
    };
    expect(json.date).toBe('2026-01-02');
    const docfx = json.files.find((f) => f.source === 'docfx/outlook-crash.md')!;
    expect(docfx.issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.rule}`)).toEqual([
      'docfx/outlook-crash.md:3:1 frontmatter-typo',
      'docfx/outlook-crash.md:4:1 frontmatter-typo',
      'docfx/outlook-crash.md:12:1 frontmatter-unknown-key',
    ]);
  });

  it('lists issues under their file in the text report, then the counts', () => {
    const text = textReport(result);
    expect(text).toContain(
      'docfx/outlook-crash.md\n  3:1  warning  Unexpected frontmatter key `decription`, expected `description` (treated as `description`)  [frontmatter-typo]\n      hint: Rename the key to `description` in the source.\n',
    );
    expect(text).toContain('8 read, 8 written, 0 rejected, 0 skipped; pass rate 100.0%');
  });
});

describe('encodings', () => {
  it('decodes a Windows-1252 file and reports the encoding', () => {
    expect(article('en', 'windows-1252')).toContain('summary: The printer in the café shows “offline”.\n');
    const file = result.files.find((f) => f.source === 'docfx/windows-1252.md')!;
    expect(file.issues.map((i) => `${i.rule} ${i.reason}`)).toEqual(['encoding Unexpected windows-1252 text, expected UTF-8 (decoded as windows-1252)']);
  });
});

describe('Confluence expand macro', () => {
  it('becomes <details> with the macro title as <summary>', () => {
    const mdx = article('en', 'expand-example');
    expect(mdx.slice(mdx.indexOf('\n---\n') + 5)).toBe(
      '\nBefore the expand macro.\n\n<details>\n  <summary>\n    Show the log path\n  </summary>\n\n  The log is in `C:\\Logs`.\n</details>\n',
    );
  });
});

describe('frontmatter output', () => {
  it('leaves out empty lists instead of writing tags: []', () => {
    expect(article('en', 'reset-password')).not.toContain('tags:');
  });
});
