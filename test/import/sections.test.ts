import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTaxonomy } from '../../src/lib/content/taxonomy.ts';
import { mergeMapping, mappingSchema } from '../../src/lib/import/mapping.ts';
import { runImport, type ImportResult } from '../../src/lib/import/run-import.ts';
import { FIXTURE_SITE_CONTENT } from '../helpers/paths.ts';
import { FIXTURES } from './convert.ts';

let out: string;
let result: ImportResult;
const mapping = mergeMapping(
  mappingSchema.parse({ resolutionFrom: ['Workarounds?(\\s*\\d+)?'], missingResolution: 'internal', defaults: { owner: '@it-network', product: 'network' } }),
);

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'kb-import-sections-'));
  result = await runImport({ inputs: ['sections'], outDir: out, mapping, taxonomy: readTaxonomy(FIXTURE_SITE_CONTENT), writeTaxonomy: false, cwd: FIXTURES });
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

function body(slug: string): string {
  const text = readFileSync(join(out, 'articles/en', `${slug}.mdx`), 'utf8');
  return text.slice(text.indexOf('\n---\n') + 5);
}

describe('Resolution section for public articles', () => {
  it('turns the first matching h2 into Resolution and keeps its heading as an h3, so its anchor still works', () => {
    expect(body('stuck-mail')).toBe(
      '\n## Symptoms\n\nMessages stay in the outbox. See the overview for background.\n\n## Resolution\n\n### Workaround 1\n\nRestart Outlook.\n\n[Back](#workaround-1)\n',
    );
  });

  it('imports an article without any resolution-like section as internal and says why', () => {
    expect(readFileSync(join(out, 'articles/en/overview.mdx'), 'utf8')).toContain('audience: internal\n');
    const issues = result.files.find((f) => f.source === 'sections/overview.md')!.issues;
    expect(issues.map((i) => `${i.line}:${i.column} ${i.severity} ${i.rule}`)).toEqual(['5:1 warning section-resolution']);
  });

  it("unlinks a public article's link to an article that became internal, at the link's source place", () => {
    const issues = result.files.find((f) => f.source === 'sections/stuck-mail.md')!.issues;
    expect(issues.filter((i) => i.rule === 'link-to-internal').map((i) => `${i.line}:${i.column} ${i.reason}`)).toEqual([
      '7:38 Unexpected link from a public article to the internal `/en/articles/overview/`, expected public targets only (link removed, text kept)',
    ]);
  });
});
