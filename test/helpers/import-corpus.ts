import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { expect, it } from 'vitest';
import { runCheck } from '../../src/lib/check/run.ts';
import { readTaxonomy } from '../../src/lib/content/taxonomy.ts';
import { readMapping } from '../../src/lib/import/mapping.ts';
import { runImport } from '../../src/lib/import/run-import.ts';
import { ROOT } from './paths.ts';

/** The DocFX Markdown articles of a corpus folder (includes are pulled in by the articles). */
export async function corpusArticles(corpus: string): Promise<string[]> {
  return (await glob('**/*.md', { cwd: corpus, absolute: true, ignore: ['**/includes/**', '**/TOC.md', '**/README.md'] })).sort();
}

/**
 * The import contract over real DocFX articles, as tests: every file accounted for, at least 99%
 * pass `kb check`, no raw HTML left. Used on the vendored sample (npm test) and on the full corpus
 * (npm run test:data).
 */
export function importContract(files: () => string[], minFiles: number): void {
  let out = '';
  const imported = () => {
    if (out) return Promise.resolve(out);
    out = mkdtempSync(join(tmpdir(), 'kb-import-corpus-'));
    return runImport({
      inputs: files(),
      outDir: out,
      mapping: readMapping(resolve(ROOT, 'docs/examples/officedocs-mapping.yaml')),
      taxonomy: readTaxonomy(resolve(ROOT, 'content')),
      writeTaxonomy: true,
    }).then((result) => {
      expect(result.files).toHaveLength(files().length);
      return out;
    });
  };

  it('accounts for every file', async () => {
    expect(files().length).toBeGreaterThanOrEqual(minFiles);
    await imported();
  }, 120_000);

  it('lets at least 99% of the files pass kb check', async () => {
    const dir = await imported();
    const { findings, files: checked } = await runCheck({ contentDir: dir, root: dir });
    const failing = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.file));
    expect(checked).toBe(files().length);
    expect((checked - failing.size) / checked).toBeGreaterThanOrEqual(0.99);
  }, 120_000);

  it('leaves no raw HTML comment or unclosed <br> in the output', async () => {
    const dir = await imported();
    const written = await glob('articles/**/*.mdx', { cwd: dir, absolute: true });
    expect(written.length).toBe(files().length);
    expect(written.filter((f) => /<!--|<br>/.test(readFileSync(f, 'utf8')))).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
}
