import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/lib/check/run.ts';
import { RULES } from '../../src/lib/check/rules/index.ts';
import type { Rule } from '../../src/lib/check/types.ts';
import { ROOT } from '../helpers/paths.ts';

// Each folder in test/fixtures/check/cases is a small content folder with one problem (or none,
// for the `valid--` cases), named after its rule (`<rule-id>` or `<rule-id>--<variant>`); expected.txt holds the exact findings, one per line. Run with UPDATE=1
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
    expect(names.filter((n) => !n.startsWith('valid--')).length).toBeGreaterThanOrEqual(25);
  });

  it.each(names)('%s', async (name) => {
    const actual = await findingsOf(name);
    const file = join(CASES, name, 'expected.txt');
    if (process.env['UPDATE']) writeFileSync(file, actual ? `${actual}\n` : '');
    const expected = readFileSync(file, 'utf8').trimEnd();
    expect(actual).toBe(expected);
    if (name.startsWith('valid--')) expect(actual).toBe('');
    else expect(actual).not.toBe('');
  });
});

describe('a rule has one name', () => {
  const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

  it('exports each rule under its id in camelCase', async () => {
    const modules = ['article-code', 'content', 'frontmatter', 'identity', 'links', 'mdx', 'taxonomy'];
    const exported = new Map<string, string>();
    for (const name of modules) {
      const module = (await import(`../../src/lib/check/rules/${name}.ts`)) as Record<string, unknown>;
      for (const [key, value] of Object.entries(module)) if (RULES.includes(value as Rule)) exported.set((value as Rule).id, key);
    }
    expect(RULES.map((rule) => [rule.id, exported.get(rule.id)])).toEqual(RULES.map((rule) => [rule.id, camel(rule.id)]));
  });

  it('names every case folder after a rule it finds, and every rule is found by a case', () => {
    const ids = new Set(RULES.map((rule) => rule.id));
    const found = new Set<string>();
    for (const name of names.filter((n) => !n.startsWith('valid--'))) {
      const rules = [...readFileSync(join(CASES, name, 'expected.txt'), 'utf8').matchAll(/\[([a-z0-9-]+)\]$/gm)].map((m) => m[1]!);
      rules.forEach((r) => found.add(r));
      const rule = name.split('--')[0]!;
      expect(ids.has(rule) && rules.includes(rule), `${name}: ${rule} is not one of its findings' rules (${rules.join(', ')})`).toBe(true);
    }
    expect([...ids].filter((id) => !found.has(id))).toEqual([]);
  });
});
