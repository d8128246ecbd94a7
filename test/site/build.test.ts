import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readAsText, walk } from '../helpers/dist.ts';

const site = inject('fixtureSite');
const pub = join(site, 'public');
const internal = join(site, 'internal');
const page = (dir: string, path: string) => readFileSync(join(dir, path, 'index.html'), 'utf8');

// Strings planted in internal content of the fixture knowledge base; none may reach the public site.
// Every derived artefact is covered: page text, table of contents (a heading inside <Internal>),
// hidden search terms (an <ErrorCode> inside <Internal>), image alt text and file names, and
// Pagefind's compressed fragments, filters and index.
const LEAKS = [
  'KBLEAKMARKERINTERNALBLOCK', // inside <Internal> of a public article
  'KBLEAKMARKERHEADING', // a ## heading inside <Internal>: must not reach the table of contents
  'KBLEAKCODE', // <ErrorCode> inside <Internal>: its spellings must not reach the hidden search terms
  'KBLEAKMARKERALT', // an image inside <Internal>
  'KBLEAKMARKERINLINE', // <Internal> inside a paragraph
  'kbleak-internal-screen', // the image file itself (Astro names its copy after it)
  'KBLEAKMARKERTITLE', // title of an internal article
  'KBLEAKMARKERSUMMARY',
  'KBLEAKMARKERBODY',
  'FIXTURE-TICKET-4711', // linked ticket of a public article: agents only
  '@fixture-print', // owner of a public article: agents only
];

describe('public site', () => {
  it('contains no internal content in any file, search index included', () => {
    const files = walk(pub);
    expect(files.some((f) => f.startsWith('pagefind/fragment/'))).toBe(true);
    const leaks: string[] = [];
    for (const file of files) {
      for (const marker of LEAKS) if (file.toLowerCase().includes(marker.toLowerCase())) leaks.push(`${marker} in the file name ${file}`);
      const text = readAsText(join(pub, file)).toLowerCase();
      for (const marker of LEAKS) if (text.includes(marker.toLowerCase())) leaks.push(`${marker} in ${file}`);
    }
    expect(leaks).toEqual([]);
  });

  it('builds public articles and leaves out internal ones and drafts', () => {
    expect(existsSync(join(pub, 'en/articles/printer-offline/index.html'))).toBe(true);
    expect(existsSync(join(pub, 'de/articles/drucker-offline/index.html'))).toBe(true);
    expect(existsSync(join(pub, 'en/articles/vpn-split-tunnel'))).toBe(false);
    expect(existsSync(join(pub, 'en/articles/draft-note'))).toBe(false);
    expect(existsSync(join(internal, 'en/articles/draft-note'))).toBe(false);
  });

  it('shows level, product, error codes, review date and the other language; the edit link only to agents', () => {
    const html = page(pub, 'en/articles/printer-offline');
    expect(html).toContain('class="level-badge level-1"');
    expect(html).toContain('Printing');
    expect(html).toMatch(/<code class="error-code"[^>]*>0x00000709<\/code>/);
    expect(html).toContain('datetime="2026-10-01"');
    // editLinks: 'internal' (the default): customers get no "edit this article" link to the repository
    expect(html).not.toContain('/edit/main/');
    expect(page(internal, 'en/articles/printer-offline')).toContain(
      'https://github.com/example/tiered-kb/edit/main/test/fixtures/site/content/articles/en/printer-offline.mdx',
    );
    expect(html).toContain('href="/de/articles/drucker-offline/"');
    expect(html).toContain('<html lang="en"');
    expect(page(pub, 'de/articles/drucker-offline')).toContain('<html lang="de"');
  });

  it('keeps archived articles reachable with a banner and out of search', () => {
    const html = page(pub, 'en/articles/windows-10-upgrade');
    expect(html).toContain('banner-archived');
    expect(html).not.toContain('data-pagefind-body');
    expect(html).toContain('data-pagefind-ignore="all"');
  });

  it('keeps words apart in indexed text (no glued words from HTML compression)', () => {
    const text = readAsText(join(pub, 'en/articles/printer-offline/index.html')).replace(/<[^>]+>/g, '|');
    expect(text).not.toMatch(/again\.\|*Open/);
    expect(text).toMatch(/Turn the printer off and on again\./);
  });

  it('writes one Pagefind index per language with level, product and language filters', () => {
    const files = walk(join(pub, 'pagefind'));
    expect(files.filter((f) => f.endsWith('.pf_meta')).map((f) => f.replace(/_[0-9a-f]+\.pf_meta$/, ''))).toEqual(['pagefind.de', 'pagefind.en']);
    const filters = files
      .filter((f) => f.startsWith('filter/'))
      .map((f) => readAsText(join(pub, 'pagefind', f)))
      .join('\n');
    for (const filter of ['level', 'product', 'language']) expect(filters).toContain(filter);
    expect(filters).not.toContain('audience');
  });

  it('lists articles that exist only in the other language on browse pages', () => {
    const html = page(pub, 'en/products/business-apps');
    expect(html).toContain('Faxgateway queue recovery');
    expect(html).toContain('Kassensystem startet nach dem Update nicht');
    expect(html).toContain('lang="de"');
  });

  it('has a 404 page and a sitemap', () => {
    expect(readFileSync(join(pub, '404.html'), 'utf8')).toContain('Page not found');
    expect(existsSync(join(pub, 'sitemap-index.xml'))).toBe(true);
  });
});

describe('agent site', () => {
  it('builds internal articles with owner, linked tickets and Internal blocks', () => {
    expect(page(internal, 'en/articles/vpn-split-tunnel')).toContain('KBLEAKMARKERBODY');
    const html = page(internal, 'en/articles/printer-offline');
    expect(html).toContain('KBLEAKMARKERINTERNALBLOCK');
    // the planted heading, code and image are real: the agent site shows them
    expect(html).toMatch(/<a href="#kbleakmarkerheading">KBLEAKMARKERHEADING<\/a>/);
    expect(html).toMatch(/data-pagefind-meta="kbterms\[content\]" content="[^"]*KBLEAKCODE-4242/);
    expect(walk(join(internal, '_astro')).some((f) => f.startsWith('kbleak-internal-screen'))).toBe(true);
    expect(html).toContain('FIXTURE-TICKET-4711');
    expect(html).toContain('@fixture-print');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
  });

  it('adds an audience filter to its index', () => {
    const dir = join(internal, 'pagefind');
    const filters = walk(dir)
      .filter((f) => f.startsWith('filter/'))
      .map((f) => readAsText(join(dir, f)))
      .join('\n');
    expect(filters).toContain('audience');
  });
});
