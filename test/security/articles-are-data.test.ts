import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articlesLoader } from '../../src/integration/articles-loader.ts';
import { isLiteralExpression, literalValue } from '../../src/lib/content/article-code.ts';
import { article, check, compile, KCS } from './helpers.ts';

// Articles are data, not code: each hostile article is refused by kb check with its place and
// rule, and by the build's MDX processor before any of it can run.
const HOSTILE: { name: string; body: string; rule: string; line: number; column: number }[] = [
  { name: 'import of node:child_process', body: "import cp from 'node:child_process'\n", rule: 'article-esm', line: 10, column: 1 },
  { name: 'export that runs a command', body: 'export const x = process.env.HOME\n', rule: 'article-esm', line: 10, column: 1 },
  { name: 'import of an internal article', body: "import Secret from './secret.mdx'\n", rule: 'article-esm', line: 10, column: 1 },
  { name: 'import of any file with ?raw', body: "import passwd from '/etc/passwd?raw'\n", rule: 'article-esm', line: 10, column: 1 },
  { name: 'flow expression', body: '{process.exit(1)}\n', rule: 'article-expression', line: 10, column: 1 },
  { name: 'text expression', body: 'Run {globalThis.fetch("https://evil.example")} now.\n', rule: 'article-expression', line: 10, column: 5 },
  { name: 'expression hidden behind a comment', body: '{/* ok */ require("fs")}\n', rule: 'article-expression', line: 10, column: 1 },
  {
    name: 'attribute expression that computes',
    body: '<Escalation to={require("fs").x} collect={[]}>x</Escalation>\n',
    rule: 'article-expression',
    line: 10,
    column: 1,
  },
  { name: 'template string attribute', body: '<Callout type={`${process.env.SECRET}`}>x</Callout>\n', rule: 'article-expression', line: 10, column: 1 },
  { name: 'spread attribute', body: '<Callout {...globalThis}>x</Callout>\n', rule: 'article-expression', line: 10, column: 1 },
  { name: 'script element', body: '<script>alert(1)</script>\n', rule: 'article-html', line: 10, column: 1 },
  { name: 'iframe element', body: '<iframe src="https://evil.example" />\n', rule: 'article-html', line: 10, column: 1 },
  { name: 'onerror handler', body: '<img src="x.png" onerror="alert(1)" />\n', rule: 'article-html', line: 10, column: 1 },
  { name: 'onError handler in camel case', body: 'See <span onMouseOver="alert(1)">this</span>.\n', rule: 'article-html', line: 10, column: 5 },
];

describe('articles are data, not code', () => {
  it.each(HOSTILE)('kb check refuses $name with its place', async ({ body, rule, line, column }) => {
    const { findings, messages } = await check({ 'articles/en/a.mdx': article(body + '\n' + KCS) });
    expect(findings).toContain(`articles/en/a.mdx:${line}:${column} ${rule}`);
    expect(messages.join('\n')).toMatch(/hint: \S/);
  });

  it.each(HOSTILE)('the build refuses $name with a located error', async ({ body, rule, line, column }) => {
    // the build compiles the body with the frontmatter blanked out: the same lines as the file
    const source = article(body).replace(/^---[\s\S]*?---/, (fm) => fm.replace(/[^\n]/g, ' '));
    await expect(compile(source, 'internal')).rejects.toThrow(new RegExp(`^${line}:${column}: Unexpected .* \\[${rule}\\]\\nhint: `));
  });

  it('allows comments and literal attribute values', async () => {
    const body = `{/* a note for reviewers */}\n\n<Escalation to={3} collect={['Logs', "Screenshot",]}>\nWhen it fails again.\n</Escalation>\n\n<Callout type="note" wide={true} count={-2}>Note</Callout>\n\n${KCS}`;
    expect((await check({ 'articles/en/a.mdx': article(body, 'escalation:\n  when: x\n  to: 2\n') })).findings).toEqual([]);
    await expect(compile(body, 'public')).resolves.toBeDefined();
  });

  it('reads literals strictly', () => {
    for (const literal of ['3', '-1.5', "'a'", '"b"', 'true', 'null', "['a', 'b']", '[1, [2]]', '[]', ' 3 /* c */ '])
      expect(isLiteralExpression(literal), literal).toBe(true);
    for (const code of ['x', 'a.b', 'f()', '`t`', '{a: 1}', '[x]', "'a' + 'b'", '1; alert(1)', "'unclosed", '(1)', '['.repeat(20) + ']'.repeat(20)])
      expect(isLiteralExpression(code), code).toBe(false);
  });

  it('reads the value of a literal without running it', () => {
    expect(literalValue('3')).toBe(3);
    expect(literalValue('-1.5e2')).toBe(-150);
    expect(literalValue('0x1F')).toBe(31);
    expect(literalValue('1_000')).toBe(1000);
    expect(literalValue(`['Logs', "Screen\\"shot", 'it\\'s',]`)).toEqual(['Logs', 'Screen"shot', "it's"]);
    expect(literalValue("'line\\nbreak'")).toBe('line\nbreak');
    expect(literalValue('[true, null, [false]] /* c */')).toEqual([true, null, [false]]);
    expect(literalValue('x')).toBeUndefined();
  });

  it('refuses .md articles in kb check and in the build (plain Markdown would show <Internal>)', async () => {
    const { findings } = await check({ 'articles/en/a.md': article(KCS + '\n<Internal>secret</Internal>\n') });
    expect(findings).toContain('articles/en/a.md:1:1 md-file');
    const dir = mkdtempSync(join(tmpdir(), 'kb-md-'));
    try {
      mkdirSync(join(dir, 'articles/en'), { recursive: true });
      writeFileSync(join(dir, 'articles/en/a.md'), article(KCS));
      await expect(articlesLoader({ contentDir: dir, audience: 'public' }).load({} as never)).rejects.toThrow(
        /Articles must be \.mdx files; rename articles\/en\/a\.md/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
