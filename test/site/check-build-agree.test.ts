import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/lib/check/run.ts';
import { buildBoth } from '../helpers/build-site.ts';
import { FIXTURE_SITE_CONTENT, ROOT } from '../helpers/paths.ts';

// kb check and the build agree about links: a link check refuses fails the build's link check,
// and a link check passes does not. One article per audience holds one link per line, the kind
// authors write and the kind they get wrong (placeholders, file links, pages of the other site,
// malformed escapes); both sites are built and their broken-link lists compared with check's
// findings, line by line.
const LINKS = [
  'TODO',
  'URL',
  '<link>',
  '../missing/',
  '/en/nothing/',
  '/en/products/',
  '/en/products/printing/',
  '/en/products/printing',
  '/en/products/no-such-product/',
  '/en/tags/printer/',
  '/en/tags/no-such-tag/',
  '/en/levels/2/',
  '/en/levels/4/',
  '/en/health/',
  '/health/stale.csv',
  '/en/contact/',
  '/favicon.svg',
  '/no-such-file.svg',
  './printer-offline.mdx',
  '../printer-offline/',
  '../printer-offline/#cause',
  '../printer-offline/#no-such-heading',
  '/en/articles/printer-offline',
  '/en/articles/printer-offline/index.html',
  '/en/articles/printer-offline/?utm=x#cause',
  '/en/articles/vpn-split-tunnel/',
  '/en/articles/draft-note/',
  '/en/articles/',
  '#',
  '?x=1',
  '%ZZ',
  '%2Fen%2F',
  '/EN/',
  '/en//products/',
  '/de/',
  '/',
  '/404.html',
  '/sitemap-index.xml',
  '../../de/articles/drucker-offline/',
  '/de/articles/drucker-offline/',
  './kbleak-internal-screen.png',
  'en/',
  '//cdn.example.com/x',
  'https://example.com/',
  'mailto:help@example.com',
];

const article = (audience: 'public' | 'internal', slug: string) => `---
title: Link zoo ${slug}
summary: Links of every kind.
level: 1
audience: ${audience}
product: printing
tags: [printer]
owner: '@fixture-print'
reviewed: 2026-10-01
lang: en
---

## Symptom

${LINKS.map((url, i) => `Link ${i}: [here](${url.startsWith('<') ? url : `<${url}>`})`).join('\n\n')}

## Cause

The spooler stopped.

## Resolution

Restart the printer.
`;
const FIRST_LINE = 15;
/** The href the page holds for a link: Markdown writes a `%` that starts no escape as `%25`. */
const asWritten = (url: string) => url.replace(/^<|>$/g, '').replace(/%(?![0-9a-f]{2})/gi, '%25');

let work = '';
let content = '';
const brokenInBuild: Record<'public' | 'internal', Map<string, Set<string>>> = { public: new Map(), internal: new Map() };

/** `  /en/articles/x/: href (reason)` lines of a failed build, by page. */
function brokenLinks(output: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const match of output.matchAll(
    /^(?:\[\w+\] )?\s+(\/[^:\s]*\/): (.*) \((?:no such page|not a well-formed address|no element with id "[^"]*"|refused by the URL policy[^)]*)\)$/gm,
  )) {
    const [, page = '', href = ''] = match;
    if (!found.has(page)) found.set(page, new Set());
    found.get(page)!.add(href);
  }
  return found;
}

beforeAll(async () => {
  await mkdir(join(ROOT, 'node_modules/.cache'), { recursive: true });
  work = await mkdtemp(join(ROOT, 'node_modules/.cache/kb-agree-'));
  content = join(work, 'content');
  await cp(FIXTURE_SITE_CONTENT, content, { recursive: true });
  await writeFile(join(content, 'articles/en/link-zoo.mdx'), article('public', 'link-zoo'));
  await writeFile(join(content, 'articles/en/agent-link-zoo.mdx'), article('internal', 'agent-link-zoo'));
  for (const site of ['public', 'internal'] as const) {
    // each site alone: the build stops at the first site that fails
    const result = await buildBoth(content, join(work, `dist-${site}`), ['--only', site]).then(
      () => '',
      (error: Error) => error.message,
    );
    expect(result, `the ${site} build fails on the broken links`).toMatch(/broken links in the/);
    brokenInBuild[site] = brokenLinks(result);
  }
}, 300_000);
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('kb check and the build agree about links', () => {
  it.each([
    ['public', 'link-zoo', ['public', 'internal']],
    ['internal', 'agent-link-zoo', ['internal']],
  ] as const)('in a %s article', async (_, slug, sites) => {
    const result = await runCheck({ contentDir: content, root: ROOT });
    const file = `articles/en/${slug}.mdx`;
    const refusedByCheck = new Set(
      result.findings
        .filter((f) => f.severity === 'error' && f.file.endsWith(file))
        .map((f) => LINKS[(f.line - FIRST_LINE) / 2])
        .filter((url): url is string => url !== undefined),
    );
    for (const finding of result.findings.filter((f) => f.severity === 'error' && f.file.endsWith(file))) {
      expect(LINKS[(finding.line - FIRST_LINE) / 2], `${finding.line}: ${finding.message}`).toBeDefined();
    }
    const refusedByBuild = new Set<string>();
    for (const site of sites)
      for (const href of brokenInBuild[site].get(`/en/articles/${slug}/`) ?? []) refusedByBuild.add(LINKS.find((url) => asWritten(url) === href) ?? href);
    const table = LINKS.map(
      (url) => `${url}: check ${refusedByCheck.has(url) ? 'refuses' : 'passes'}, build ${refusedByBuild.has(url) ? 'refuses' : 'passes'}`,
    );
    expect(table.filter((line) => /refuses, build passes|passes, build refuses/.test(line))).toEqual([]);
    // not agreement by refusing everything or nothing
    expect(refusedByCheck.size).toBeGreaterThanOrEqual(15);
    expect(LINKS.length - refusedByCheck.size).toBeGreaterThanOrEqual(15);
  });
});

// the input bounds, in a real build: Astro's YAML reader would take 2026-02-30 as 2 March and
// has no bound on aliases or nesting, and 10,000 nested elements take the renderer half a
// minute for one article
describe('kb check and the build agree about input bounds', () => {
  const BOUNDED: Record<string, [frontmatter: string, body: string]> = {
    'day-not-in-calendar': ['reviewed: 2026-02-30\n', ''],
    'german-date': ['reviewed: 05.06.2024\n', ''],
    'deep-nesting': ['', `${'- '.repeat(10_000)}x\n`],
    'deep-quotes': ['', `${'>'.repeat(10_000)} x\n`],
    'deep-elements': ['', `${'<Callout>'.repeat(10_000)}x${'</Callout>'.repeat(10_000)}\n`],
    'deep-yaml': [`extra: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, ''],
    'alias-bomb': [
      'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\nversions: *d\n',
      '',
    ],
  };

  it('refuses each article at the place kb check names, and publishes nothing', async () => {
    const dir = join(work, 'bounds');
    await cp(FIXTURE_SITE_CONTENT, join(dir, 'content'), { recursive: true });
    for (const [slug, [frontmatter, body]] of Object.entries(BOUNDED)) {
      // a `reviewed` of the case replaces the article's own
      const text = article('public', slug)
        .replace(
          frontmatter.startsWith('reviewed:') ? /reviewed: .*\n/ : 'lang: en\n',
          frontmatter.startsWith('reviewed:') ? frontmatter : `lang: en\n${frontmatter}`,
        )
        .replace(/## Symptom\n\n[\s\S]*?\n\n## Cause/, `## Symptom\n\n${body || 'It fails.'}\n\n## Cause`);
      await writeFile(join(dir, 'content/articles/en', `${slug}.mdx`), text);
    }
    const output = await buildBoth(join(dir, 'content'), join(dir, 'dist'), ['--only', 'public']).then(
      () => 'built',
      (error: Error) => error.message,
    );
    const check = await runCheck({ contentDir: join(dir, 'content'), root: ROOT });
    for (const slug of Object.keys(BOUNDED)) {
      const finding = check.findings.find((f) => f.file.endsWith(`/${slug}.mdx`) && f.severity === 'error');
      expect(finding, slug).toBeDefined();
      expect(output, slug).toContain(`${slug}.mdx:${finding!.line}:${finding!.column}: ${finding!.message} [${finding!.ruleId}]`);
    }
    expect(output).not.toMatch(/SIGSEGV|Segmentation/);
  });
});
