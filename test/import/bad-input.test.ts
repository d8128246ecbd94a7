import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readTaxonomy } from '../../src/lib/content/taxonomy.ts';
import { DEFAULT_MAPPING, mergeMapping, mappingSchema } from '../../src/lib/import/mapping.ts';
import { runImport } from '../../src/lib/import/run-import.ts';
import { FIXTURE_SITE_CONTENT } from '../helpers/paths.ts';
import { FIXTURES } from './convert.ts';

const taxonomy = readTaxonomy(FIXTURE_SITE_CONTENT);

describe('bad input', () => {
  it('skips a truncated JSON export and a JSON file that is not an export, saying why', async () => {
    const result = await runImport({
      inputs: ['bad'],
      outDir: '/nonexistent',
      mapping: DEFAULT_MAPPING,
      taxonomy,
      writeTaxonomy: false,
      dryRun: true,
      cwd: FIXTURES,
    });
    expect(result.files).toEqual([]);
    expect(result.skipped.map((s) => `${s.file}: ${s.reason.replace(/\(.*\)/, '(…)')}`)).toEqual([
      'bad/other.json: JSON without an `articles` array (…)',
      'bad/truncated.json: Unexpected JSON syntax (…), expected a Help Center export',
    ]);
  });

  it('does not write an article whose mapped frontmatter fails the schema, and reports it as an error', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kb-import-bad-'));
    try {
      const mapping = mergeMapping(mappingSchema.parse({ defaults: { level: 7, owner: '@it-workplace', product: 'workplace' } }));
      const result = await runImport({ inputs: [resolve(FIXTURES, 'docfx/outlook-crash.md')], outDir: out, mapping, taxonomy, writeTaxonomy: false });
      expect(result.files.map((f) => f.status)).toEqual(['rejected']);
      const errors = result.files[0]!.issues.filter((i) => i.severity === 'error');
      expect(errors.map((e) => e.rule)).toEqual(['schema-invalid']);
      expect(errors[0]!.reason).toMatch(/^Unexpected invalid output: level: /);
      expect(existsSync(join(out, 'articles/en/outlook-crash.mdx'))).toBe(false);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('HTML tables', () => {
  it('reports a merged cell that a Markdown table cannot hold, at the cell', async () => {
    const { IssueSink } = await import('../../src/lib/import/issues.ts');
    const { htmlToMdast, readHtmlPage } = await import('../../src/lib/import/html-source.ts');
    const sink = new IssueSink('t.html');
    htmlToMdast(readHtmlPage('<table>\n<tr><td colspan="2">Both</td></tr>\n<tr><td>a</td><td>b</td></tr>\n</table>').content, DEFAULT_MAPPING, sink);
    expect(sink.issues.map((i) => `${i.line}:${i.column} ${i.rule}`)).toEqual(['2:5 html-table-span']);
  });
});
