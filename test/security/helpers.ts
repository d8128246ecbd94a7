import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCheck } from '../../src/lib/check/run.ts';
import { createArticleRenderer } from '../../src/lib/content/render-article.ts';
import { DEFAULT_URL_SCHEMES } from '../../src/lib/url-policy.ts';
import type { Audience } from '../../src/lib/levels.ts';
import { ROOT } from '../helpers/paths.ts';

/** A valid public level-1 article; `body` goes after the frontmatter (line 10 is the body's first line). */
export function article(body: string, frontmatter = ''): string {
  return `---
title: Printer shows as offline
summary: Bring the printer back online.
level: 1
audience: public
product: printing
owner: '@print-team'
lang: en
${frontmatter}---
${body}`;
}

export const KCS = `## Symptom

The printer is offline.

## Cause

The spooler stopped.

## Resolution

Restart the printer.
`;

/** Runs kb check on a content folder holding the given files (paths below content/); returns `line:col rule` per finding. */
export async function check(files: Record<string, string>, urlSchemes?: string[]): Promise<{ findings: string[]; messages: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'kb-security-'));
  try {
    cpSync(join(ROOT, 'test/fixtures/check/taxonomy.yaml'), join(dir, 'taxonomy.yaml'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const result = await runCheck({ contentDir: dir, root: dir, ...(urlSchemes ? { urlSchemes } : {}) });
    const errors = result.findings.filter((f) => f.severity === 'error');
    return {
      findings: errors.map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`),
      messages: errors.map((f) => `${f.message}\nhint: ${f.hint ?? ''}`),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Renders an MDX article exactly as the build does (src/lib/content/render-article.ts: Astro's
 * Sätteri pipeline with the article guard first). Returns the HTML, its headings and the images
 * Astro would copy.
 */
export async function compile(source: string, audience: Audience = 'public', urlSchemes: readonly string[] = DEFAULT_URL_SCHEMES) {
  const render = await createArticleRenderer({ audience, urlSchemes, markdown: { syntaxHighlight: false } });
  const result = await render(source, { lang: 'en', fileURL: new URL('file:///tmp/kb/content/articles/en/a.mdx') });
  return { code: result.html, headings: result.headings, images: result.imagePaths };
}
