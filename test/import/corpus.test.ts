import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { runCheck } from '../../src/lib/check/run.ts';
import { readTaxonomy } from '../../src/lib/content/taxonomy.ts';
import { readMapping } from '../../src/lib/import/mapping.ts';
import { runImport, type ImportResult } from '../../src/lib/import/run-import.ts';
import { ROOT, SHARED } from '../helpers/paths.ts';

// The real DocFX knowledge base, read in place. Every 25th article (sorted) is a fixed sample.
const CORPUS = resolve(SHARED, 'corpus/officedocs-support');
let out: string;
let sample: string[];
let result: ImportResult;

beforeAll(async () => {
  const all = (await glob('**/*.md', { cwd: CORPUS, ignore: ['**/includes/**'] })).sort();
  sample = all.filter((_, i) => i % 25 === 0).map((f) => join(CORPUS, f));
  out = mkdtempSync(join(tmpdir(), 'kb-import-corpus-'));
  result = await runImport({
    inputs: sample,
    outDir: out,
    mapping: readMapping(resolve(ROOT, 'docs/examples/officedocs-mapping.yaml')),
    taxonomy: readTaxonomy(resolve(ROOT, 'content')),
    writeTaxonomy: true,
  });
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('import of a sample of the real corpus', () => {
  it('accounts for every sampled file', () => {
    expect(sample.length).toBeGreaterThanOrEqual(95);
    expect(result.files).toHaveLength(sample.length);
  });

  it('lets at least 99% of the sample pass kb check', async () => {
    const { findings, files } = await runCheck({ contentDir: out, root: out });
    const failing = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.file));
    expect(files).toBe(sample.length);
    expect((files - failing.size) / files).toBeGreaterThanOrEqual(0.99);
  });

  it('leaves no raw HTML comment or unclosed <br> in the output', async () => {
    const files = await glob('articles/**/*.mdx', { cwd: out, absolute: true });
    const offending = files.filter((f) => /<!--|<br>/.test(readFileSync(f, 'utf8')));
    expect(offending).toEqual([]);
  });
});
