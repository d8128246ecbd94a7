import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/lib/check/run.ts';
import { ROOT } from '../helpers/paths.ts';

// Each folder in test/fixtures/check/cases is a small content folder with one problem (or none,
// for the `valid-` cases); expected.txt holds the exact findings, one per line. Run with UPDATE=1
// to rewrite them after a deliberate change, then review the diff.
const CASES = join(ROOT, 'test/fixtures/check/cases');
const TAXONOMY = join(ROOT, 'test/fixtures/check/taxonomy.yaml');
const work = mkdtempSync(join(tmpdir(), 'kb-check-cases-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function findingsOf(name: string): Promise<string> {
  const content = join(work, name);
  cpSync(join(CASES, name), content, { recursive: true, filter: (src) => !src.endsWith('expected.txt') });
  if (!existsSync(join(content, 'taxonomy.yaml'))) cpSync(TAXONOMY, join(content, 'taxonomy.yaml'));
  const result = await runCheck({ contentDir: content, root: content });
  return result.findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity} ${f.message} [${f.ruleId}]`).join('\n');
}

const names = readdirSync(CASES).sort();

describe('kb check catalogue', () => {
  it('has at least 25 broken-article cases', () => {
    expect(names.filter((n) => !n.startsWith('valid-')).length).toBeGreaterThanOrEqual(25);
  });

  it.each(names)('%s', async (name) => {
    const actual = await findingsOf(name);
    const file = join(CASES, name, 'expected.txt');
    if (process.env['UPDATE']) writeFileSync(file, actual ? `${actual}\n` : '');
    const expected = readFileSync(file, 'utf8').trimEnd();
    expect(actual).toBe(expected);
    if (name.startsWith('valid-')) expect(actual).toBe('');
    else expect(actual).not.toBe('');
  });
});
