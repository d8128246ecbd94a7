import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBuiltSiteLinks } from '../../src/lib/built-site/link-check.ts';
import { readTaxonomy } from '../../src/lib/content/taxonomy.ts';
import { summarize } from '../../src/lib/import/report.ts';
import { DEFAULT_MAPPING } from '../../src/lib/import/mapping.ts';
import { runImport } from '../../src/lib/import/run-import.ts';
import { checkUrl, DEFAULT_URL_SCHEMES } from '../../src/lib/url-policy.ts';
import { ROOT } from '../helpers/paths.ts';
import { article, check, compile, KCS } from './helpers.ts';

// One URL policy (src/lib/url-policy.ts) for kb check, the build and kb import. Each hostile URL,
// in each spelling a browser would still run, is refused by check with its place, refused by the
// build's MDX processor, dropped and counted by the import, and refused by the built-site link
// check should it reach a page by another path.
const HOSTILE: [name: string, url: string][] = [
  ['javascript:', 'javascript:alert(1)'],
  ['mixed case', 'JaVaScRiPt:alert(1)'],
  ['upper case', 'JAVASCRIPT:alert(1)'],
  ['decimal character reference', '&#106;avascript:alert(1)'],
  ['hex character reference without semicolon', '&#x6A;avascript:alert(1)'],
  ['encoded colon', 'javascript&colon;alert(1)'],
  ['tab inside the scheme', 'java\tscript:alert(1)'],
  ['encoded tab inside the scheme', 'java&#x09;script:alert(1)'],
  ['encoded newline inside the scheme', 'java&#10;script:alert(1)'],
  ['leading control character', '\u0001javascript:alert(1)'],
  ['leading encoded spaces', '&#32;&#32;javascript:alert(1)'],
  ['zero-width space inside the scheme', 'java\u200bscript:alert(1)'],
  ['double-encoded reference', '&amp;#106;avascript:alert(1)'],
  ['vbscript:', 'vbscript:msgbox(1)'],
  ['VBScript: in mixed case', 'VBScript:msgbox(1)'],
  ['data: HTML', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
  ['data: SVG image', 'data:image/svg+xml,%3Csvg%20onload=alert(1)%3E'],
  ['ms-settings: (not allowed unless configured)', 'ms-settings:printers'],
  ['file:', 'file:///etc/passwd'],
  ['backslash path to another host', '\\\\evil.example\\share'],
];

// as an author writes them in Markdown: a raw tab or control character cannot stand in a link
// destination and a backslash escapes, so those go into a JSX href (MDX attribute strings are
// literal: no escapes) instead
// eslint-disable-next-line no-control-regex -- control characters are what cannot stand in Markdown
const markdownSafe = (url: string) => !/[\s\u0000-\u001f\u200b\\]/.test(url);
const inArticle = (url: string) => (markdownSafe(url) ? `Open [the settings](<${url}>) now.` : `Open <a href="${url}">the settings</a> now.`);

describe('the URL policy refuses every spelling of a script URL', () => {
  it.each(HOSTILE)('%s', (_, url) => {
    expect(checkUrl(url).allowed).toBe(false);
  });

  it.each([
    ['relative page', '../printer-offline/'],
    ['site path', '/en/products/'],
    ['anchor', '#cause'],
    ['https', 'https://example.com/a?b=c#d'],
    ['http in upper case', 'HTTP://example.com/'],
    ['mail', 'mailto:help@example.com'],
    ['phone', 'tel:+49301234567'],
    ['protocol-relative', '//cdn.example.com/x.png'],
    ['a colon after the first slash', './a:b/'],
  ])('and allows a %s', (_, url) => {
    expect(checkUrl(url).allowed).toBe(true);
  });
});

describe('kb check refuses a hostile link with its place, and the build refuses the article', () => {
  it.each(HOSTILE)('%s', async (_, url) => {
    const body = `${inArticle(url)}\n\n${KCS}`;
    const { findings, messages } = await check({ 'articles/en/a.mdx': article(body) });
    expect(findings).toContainEqual(expect.stringMatching(/^articles\/en\/a\.mdx:10:\d+ url-scheme$/));
    expect(messages.find((m) => m.includes('expected a relative URL'))).toMatch(/hint: \S/);
    const source = article(body).replace(/^---[\s\S]*?---/, (fm) => fm.replace(/[^\n]/g, ' '));
    await expect(compile(source, 'public')).rejects.toThrow(/^10:\d+: Unexpected (?:link|image) target .*\[url-scheme\]/);
  });

  it('as an image too, and in <img src>', async () => {
    for (const body of ['![pixel](<javascript:alert(1)>)', '<img src="JaVaScRiPt:alert(1)" alt="x" />', '<a href="data:text/html,x">x</a>']) {
      const { findings } = await check({ 'articles/en/a.mdx': article(`${body}\n\n${KCS}`) });
      expect(findings, body).toContainEqual(expect.stringMatching(/:10:1 url-scheme$/));
      await expect(compile(body, 'internal'), body).rejects.toThrow(/\[url-scheme\]/);
    }
  });

  it('allows a scheme the project adds (urlSchemes), in check and build alike', async () => {
    const body = `Open [the printer settings](ms-settings:printers).\n\n${KCS}`;
    const schemes = [...DEFAULT_URL_SCHEMES, 'ms-settings'];
    expect((await check({ 'articles/en/a.mdx': article(body) })).findings).toContain('articles/en/a.mdx:10:6 url-scheme');
    await expect(compile(body, 'public')).rejects.toThrow(/\[url-scheme\]/);
    expect((await check({ 'articles/en/a.mdx': article(body) }, schemes)).findings).toEqual([]);
    await expect(compile(body, 'public', schemes)).resolves.toBeDefined();
  });
});

const work = mkdtempSync(join(tmpdir(), 'kb-sec-url-policy-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const taxonomy = readTaxonomy(join(ROOT, 'content'));

describe('kb import drops a hostile link, keeps its text and counts it in the report', () => {
  it.each(HOSTILE)('%s', async (name, url) => {
    const dir = join(work, name.replace(/\W+/g, '-'));
    mkdirSync(join(dir, 'kb'), { recursive: true });
    // an HTML export (Zendesk, Confluence) carries the URL in an attribute, as a browser would read it
    const href = url
      .replace(/&/g, '&amp;')
      .replace(/"/g, '&quot;')
      .replace(/&amp;(#|colon|amp)/g, '&$1');
    writeFileSync(
      join(dir, 'kb', 'page.html'),
      `<html><head><title>Printer settings</title></head><body><h2>Resolution</h2><p>Open <a href="${href}">the settings</a> or <a href="https://example.com/help">the vendor page</a>.</p></body></html>`,
    );
    const result = await runImport({ inputs: ['kb'], outDir: join(dir, 'out'), mapping: DEFAULT_MAPPING, taxonomy, writeTaxonomy: true, cwd: dir });
    const written = result.files.map((f) => (f.output ? readFileSync(join(dir, f.output), 'utf8') : '')).join('\n');
    expect(written).toContain('the settings');
    expect(written).toContain('https://example.com/help');
    expect(written.toLowerCase()).not.toMatch(/script:|data:|ms-settings|file:|evil\.example|&#/);
    expect(summarize(result).rules['url-scheme']).toBe(1);
  });
});

describe('the built-site link check refuses a script URL that reached a page by any path', () => {
  it('reports it with the page, and passes the site’s own mail and phone links', () => {
    const dir = join(work, 'site');
    mkdirSync(join(dir, 'en'), { recursive: true });
    writeFileSync(
      join(dir, 'en', 'index.html'),
      '<a href="mailto:help@example.com">m</a><a href="tel:+49">t</a><a href="https://example.com/">e</a><a href="java&#x09;script:alert(1)">x</a><img src="data:image/svg+xml,x">',
    );
    const { broken } = checkBuiltSiteLinks(dir);
    expect(broken.map((b) => `${b.page} ${b.reason}`)).toEqual([
      'en/index.html refused by the URL policy: control or invisible characters',
      'en/index.html refused by the URL policy: scheme `data:`',
    ]);
  });
});
