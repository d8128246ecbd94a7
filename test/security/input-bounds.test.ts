import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/lib/check/run.ts';
import { refuseUnbounded } from '../../src/lib/content/article-bounds.ts';
import { YamlFileError } from '../../src/lib/content/bounded-yaml.ts';
import { MAX_NESTING, MAX_TREE_DEPTH, nestingMessage, tooDeep, treeTooDeep } from '../../src/lib/content/nesting.ts';
import { parseArticle } from '../../src/lib/content/parse-article.ts';
import { readTaxonomy } from '../../src/lib/content/taxonomy.ts';
import { readLocal } from '../../src/lib/lifecycle/read.ts';
import { parseSynonyms } from '../../src/lib/search/synonyms.ts';
import { dayHint } from '../../src/lib/dates.ts';
import { DEFAULT_MAPPING } from '../../src/lib/import/mapping.ts';
import { runImport } from '../../src/lib/import/run-import.ts';
import { extractLinks } from '../../src/lib/links.ts';
import { readTickets } from '../../src/lib/tickets/read.ts';
import { walk } from '../helpers/dist.ts';
import { ROOT } from '../helpers/paths.ts';
import { article, KCS } from './helpers.ts';

// Bad input gets a located error quickly, never a crash, a hang or a silently wrong value:
// bodies nested thousands of levels deep (minutes in the MDX parser, then a stack overflow; a
// segmentation fault in the build's compiler), YAML aliases that expand to billions of values,
// days that are not in the calendar, ticket files that are not files.
const work = mkdtempSync(join(tmpdir(), 'kb-sec-input-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let folders = 0;
/** A content folder with the check fixtures' taxonomy and the given files. */
function content(files: Record<string, string>): string {
  const dir = join(work, `content-${++folders}`);
  cpSync(join(ROOT, 'test/fixtures/check/taxonomy.yaml'), join(dir, 'taxonomy.yaml'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** kb check over a content folder: `file:line:col rule` of every error, and how long it took. */
async function check(dir: string) {
  const started = performance.now();
  const result = await runCheck({ contentDir: dir, root: dir });
  return {
    seconds: (performance.now() - started) / 1000,
    errors: result.findings.filter((f) => f.severity === 'error').map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`),
    findings: result.findings,
  };
}

/** What the build says before Astro reads any article (the articles loader's input check). */
async function build(dir: string): Promise<string> {
  return refuseUnbounded(join(dir, 'articles')).then(
    () => 'built',
    (error: Error) => error.message,
  );
}

const N = 10_000;
// the body starts on line 10 of article(): `Resolution` heading first, so only the nesting is wrong
const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join('\n');
const DEEP: [name: string, body: string, line: number, column: number, kind: 'blocks' | 'elements'][] = [
  ['10,000 list markers on one line (20 kB)', `${'- '.repeat(N)}x\n`, 10, 2 * MAX_NESTING + 1, 'blocks'],
  ['10,000 ordered list markers on one line', `${'1. '.repeat(N)}x\n`, 10, 3 * MAX_NESTING + 1, 'blocks'],
  ['1,000 list items nested by indentation', lines(1000, (i) => `${'  '.repeat(i)}- item`), 10 + MAX_NESTING, 2 * MAX_NESTING + 1, 'blocks'],
  ['10,000 `>` on one line', `${'>'.repeat(N)} deep\n`, 10, MAX_NESTING + 1, 'blocks'],
  ['`>` quotes growing line by line', lines(100, (i) => `${'> '.repeat(i + 1)}x`), 10 + MAX_NESTING, 2 * MAX_NESTING + 1, 'blocks'],
  ['quotes and list items alternating', `${'> - '.repeat(N / 2)}x\n`, 10, 4 * (MAX_NESTING / 2) + 1, 'blocks'],
  ['list items nested by indentation inside a quote', lines(100, (i) => `> ${'  '.repeat(i)}- item`), 10 + MAX_NESTING - 1, 2 * MAX_NESTING + 1, 'blocks'],
  ['10,000 `<Callout>` on one line', `${'<Callout>'.repeat(N)}x${'</Callout>'.repeat(N)}\n`, 10, 9 * MAX_NESTING + 1, 'elements'],
  ['10,000 `<Callout>` line by line', `${lines(N, () => '<Callout>')}\nx\n${lines(N, () => '</Callout>')}\n`, 10 + MAX_NESTING, 1, 'elements'],
  ['10,000 HTML `<div>` with attributes', `${lines(N, () => '<div class="a>b">')}\nx\n${lines(N, () => '</div>')}\n`, 10 + MAX_NESTING, 1, 'elements'],
  ['10,000 inline `<span>` in a list item', `- ${'<span>'.repeat(N)}x${'</span>'.repeat(N)}\n`, 10, 2 + 6 * MAX_NESTING + 1, 'elements'],
];

describe('MDX nested past the bound', () => {
  it.each(DEEP)('%s: kb check reports the place in well under a second', async (_, body, line, column, kind) => {
    const dir = content({ 'articles/en/a.mdx': article(`${KCS}\n${body}`.replace(/^/, '')) });
    const { seconds, errors, findings } = await check(dir);
    const offset = KCS.split('\n').length;
    expect(errors).toEqual([`articles/en/a.mdx:${line + offset}:${column} mdx-syntax`]);
    expect(findings.find((f) => f.ruleId === 'mdx-syntax')?.message).toBe(
      `Unexpected nesting of ${kind === 'blocks' ? 'lists and block quotes' : 'elements'} deeper than ${MAX_NESTING} levels, expected at most ${MAX_NESTING}`,
    );
    expect(seconds).toBeLessThan(5);
  });

  it.each(DEEP)('%s: the build refuses it with the place, before the compiler sees it', async (_, body, line, column, kind) => {
    const dir = content({ 'articles/en/a.mdx': article(`${KCS}\n${body}`) });
    const offset = KCS.split('\n').length;
    expect(await build(dir)).toContain(`a.mdx:${line + offset}:${column}: ${nestingMessage(kind)} [mdx-syntax]`);
  });

  it('kb import refuses a source nested past the bound, with its place', async () => {
    const dir = join(work, 'import-deep');
    mkdirSync(join(dir, 'kb'), { recursive: true });
    writeFileSync(join(dir, 'kb', 'deep.md'), `---\ntitle: Deep\n---\n\n## Resolution\n\n${'- '.repeat(N)}x\n`);
    const result = await runImport({
      inputs: ['kb'],
      outDir: join(dir, 'out'),
      mapping: DEFAULT_MAPPING,
      taxonomy: readTaxonomy(join(ROOT, 'content')),
      writeTaxonomy: true,
      cwd: dir,
    });
    expect(result.files[0]?.status).toBe('rejected');
    expect(result.files[0]?.issues).toContainEqual(expect.objectContaining({ rule: 'too-deep', line: 7, column: 2 * MAX_NESTING + 1, severity: 'error' }));
  });

  it('kb stale and kb gaps read no links from such a body, and do not hang', () => {
    const started = performance.now();
    expect(extractLinks(`[a](/en/articles/x/)\n\n${'> '.repeat(N)}[b](/en/articles/y/)`)).toEqual([]);
    expect(extractLinks(`[a](/en/articles/x/)\n\n${'<Callout>'.repeat(N)}[b](/en/articles/y/)${'</Callout>'.repeat(N)}`)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('a tree deeper than any walker can take is refused after the parse, for what the text check does not foresee', async () => {
    // 200 nested emphasis: the text check does not count inline markup; the parsed tree is 200 deep
    const body = `${'*a '.repeat(200)}x${' a*'.repeat(200)}\n`;
    expect(tooDeep(body)).toBeUndefined();
    const dir = content({ 'articles/en/a.mdx': article(`${KCS}\n${body}`) });
    const { errors, findings } = await check(dir);
    // root > paragraph > 127 emphasis: the text `a ` of the 127th is the first node past the bound
    expect(errors).toEqual([`articles/en/a.mdx:${KCS.split('\n').length + 10}:${3 * (MAX_TREE_DEPTH - 1) - 1} mdx-syntax`]);
    expect(findings[0]?.message).toBe(nestingMessage('tree'));
    // a synthetic tree 100,000 levels deep: found without recursion
    let tree: { type: string; children?: unknown[]; position?: unknown } = { type: 'text', position: { start: { line: 7, column: 3 } } };
    for (let i = 0; i < 100_000; i++) tree = { type: 'emphasis', children: [tree], position: { start: { line: 1, column: 1 } } };
    expect(treeTooDeep(tree as never)).toMatchObject({ depth: MAX_TREE_DEPTH + 1, kind: 'tree' });
  });

  it('allows nesting up to the bound, and does not count code blocks, thematic breaks or YAML lists', async () => {
    const fenced = `\`\`\`\n${Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- not a list in code`).join('\n')}\n\`\`\`\n`;
    const atBound = `${'- '.repeat(MAX_NESTING)}x\n\n${'>'.repeat(MAX_NESTING)} quote\n\n- - -\n\n* * * *\n\n${'<Callout>'.repeat(MAX_NESTING)}x${'</Callout>'.repeat(MAX_NESTING)}\n`;
    // tags in code spans and code blocks, elements without an end tag, self-closing ones: no level
    const notOpened = `${'`<div>` '.repeat(100)}\n\n${'``a ` <div>`` '.repeat(100)}\n\n${'x<br />'.repeat(100)}\n\n${'<ErrorCode code="0x1" /> '.repeat(100)}\n\n\`\`\`html\n${'<div>'.repeat(100)}\n\`\`\`\n`;
    const dir = content({ 'articles/en/a.mdx': article(`${KCS}\n${fenced}\n${atBound}\n${notOpened}`, 'tags: [printer]\nversions:\n  - "1"\n') });
    expect((await check(dir)).errors).toEqual([]);
    expect(await build(dir)).toBe('built');
    expect(tooDeep(`${'- '.repeat(MAX_NESTING + 1)}x`)).toMatchObject({ depth: MAX_NESTING + 1 });
  });

  it('leaves real articles far below the bound', () => {
    // the deepest of the 3,096 Markdown sources of ../shared/corpus nests 6 levels (measured;
    // HTML in Markdown is text, not elements); the sample here
    const files = walk(join(ROOT, 'test/fixtures/corpus')).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) expect(tooDeep(readFileSync(join(ROOT, 'test/fixtures/corpus', file), 'utf8'), 8, { elements: false }), file).toBeUndefined();
    // the project's own articles nest 2 levels at most, elements included
    const articles = walk(join(ROOT, 'content/articles')).filter((f) => f.endsWith('.mdx'));
    expect(articles.length).toBeGreaterThan(20);
    for (const file of articles) expect(tooDeep(readFileSync(join(ROOT, 'content/articles', file), 'utf8'), 4), file).toBeUndefined();
  });
});

const BOMB = `lol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
`;

describe('YAML aliases that expand to billions of values', () => {
  it('in frontmatter: kb check reports the first alias with the file, quickly', async () => {
    const dir = content({ 'articles/en/a.mdx': article(KCS, `${BOMB}tags: *g\n`) });
    const { seconds, errors, findings } = await check(dir);
    // the extra frontmatter starts on line 9: the first alias is `*a` on the line of `b:`
    expect(errors).toContain('articles/en/a.mdx:10:8 yaml-syntax');
    expect(findings.find((f) => f.ruleId === 'yaml-syntax')?.message).toMatch(
      /^Unexpected YAML: aliases that expand to too many values \(\*a and the others\)/,
    );
    expect(seconds).toBeLessThan(5);
  });

  it('in frontmatter: the build refuses it with the same place', async () => {
    const dir = content({ 'articles/en/a.mdx': article(KCS, `${BOMB}tags: *g\n`) });
    expect(await build(dir)).toMatch(/a\.mdx:10:8: Unexpected YAML: aliases that expand to too many values .*\[yaml-syntax\]/);
  });

  it('in content/taxonomy.yaml: kb check and every reader name the file, line and column', async () => {
    const dir = content({ 'articles/en/a.mdx': article(KCS) });
    writeFileSync(join(dir, 'taxonomy.yaml'), `${BOMB}products: *g\ntags: []\n`);
    const { findings } = await check(dir);
    expect(findings.find((f) => f.ruleId === 'taxonomy')).toMatchObject({
      file: 'taxonomy.yaml',
      line: 2,
      column: 8,
      message: expect.stringMatching(/^Unexpected YAML: aliases that expand/),
    });
    expect(() => readTaxonomy(dir)).toThrow(YamlFileError);
    expect(() => readTaxonomy(dir)).toThrow(`${join(dir, 'taxonomy.yaml')}:2:8: Unexpected YAML: aliases`);
  });

  it('in content/synonyms.yaml and content/lifecycle/local.yaml: a located YAML error, not a crash', () => {
    const synonyms = parseSynonyms(`${BOMB}de: *g\n`);
    expect(synonyms.problems).toEqual([{ line: 2, column: 8, message: expect.stringMatching(/^Unexpected YAML: aliases that expand to too many values/) }]);
    const dir = join(work, 'lifecycle-bomb');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'local.yaml'), `${BOMB}import: *g\n`);
    expect(() => readLocal(dir)).toThrow(`${join(dir, 'local.yaml')}:2:8: Unexpected YAML: aliases that expand to too many values`);
  });

  it('YAML lists nested 10,000 deep: check and build say so at the place, quickly', async () => {
    for (const extra of [`extra: ${'['.repeat(N)}${']'.repeat(N)}\n`, `extra:\n${lines(2000, (i) => `${' '.repeat(i + 2)}- `)}x\n`]) {
      const dir = content({ 'articles/en/a.mdx': article(KCS, extra) });
      const { seconds, findings } = await check(dir);
      const finding = findings.find((f) => f.ruleId === 'yaml-syntax');
      expect(finding?.message).toBe('Unexpected YAML: lists and maps nested deeper than 32 levels, expected at most 32: write the values out flat');
      expect(seconds).toBeLessThan(10);
      expect(await build(dir)).toContain(`a.mdx:${finding?.line}:${finding?.column}: ${finding?.message} [yaml-syntax]`);
    }
  });

  it('keeps a document with a few aliases that expand to little', () => {
    const parsed = parseArticle(article(KCS, 'tags: &t [printer]\nversions: *t\n'), 'a.mdx', 'en/a');
    expect(parsed.yaml?.errors).toEqual([]);
    expect(parsed.raw).toMatchObject({ tags: ['printer'], versions: ['printer'] });
  });
});

describe('days that are not calendar days', () => {
  it.each([
    ['2026-02-30', 'February 2026 has 28 days, so 2026-02-30 is not a day (it would be read as 2026-03-02)'],
    ['"2026-02-30"', 'February 2026 has 28 days'],
    ['2024-02-30', 'February 2024 has 29 days'],
    ['2026-13-01', '2026-13-01 has no month 13 (months are 01 to 12)'],
    ['2026-02-00', 'February 2026 has 28 days, so 2026-02-00 is not a day:'],
    ['13.13.2024', 'Write the day as YYYY-MM-DD'],
    ['13/05/2024', '13/05/2024 is 2024-05-13 as day/month/year: write'],
    ['05.06.2024', '05.06.2024 (day.month.year) is 2024-06-05'],
    ['5.6.2024', '5.6.2024 (day.month.year) is 2024-06-05'],
    ['05/06/2024', '2024-06-05 as day/month/year, 2024-05-06 as month/day/year'],
    ['2024-5-6', 'Write the day as YYYY-MM-DD'],
    ['2024-05-06T10:00:00Z', 'Write the day as YYYY-MM-DD'],
    ['last week', 'Write the day as YYYY-MM-DD'],
  ])('reviewed: %s is refused by check and build with its place and the fix', async (value, hint) => {
    const dir = content({ 'articles/en/a.mdx': article(KCS, `reviewed: ${value}\n`) });
    const { findings } = await check(dir);
    const finding = findings.find((f) => f.ruleId === 'schema');
    expect(finding).toMatchObject({ file: 'articles/en/a.mdx', line: 9, column: 11 });
    expect(finding?.message).toMatch(/^Unexpected `reviewed` value `.*`, expected a date like 2026-11-24$/);
    expect(finding?.hint).toContain(hint);
    // Astro's YAML reader would make 2026-02-30 a Date in March: the build reads it as check does
    expect(await build(dir)).toContain(
      `a.mdx:9:11: Unexpected \`reviewed\` value \`${value.replace(/"/g, '')}\`, expected a date like 2026-11-24 [schema]\n  hint: ${finding?.hint}`,
    );
  });

  it('reads a real day as that day in any time zone', () => {
    for (const tz of ['UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
      const out = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { parseArticle, validateFrontmatter } from ${JSON.stringify(join(ROOT, 'src/lib/content/parse-article.ts'))}; const p = parseArticle(${JSON.stringify(article(KCS, 'reviewed: 2024-05-06\n'))}, 'a', 'en/a'); console.log(validateFrontmatter(p).data.reviewed.toISOString())`,
        ],
        { env: { ...process.env, TZ: tz }, encoding: 'utf8' },
      );
      expect(out.stdout.trim(), `${tz}: ${out.stderr}`).toBe('2024-05-06T00:00:00.000Z');
    }
  });

  it('the taxonomy and the lifecycle files take real days only', async () => {
    const dir = content({ 'articles/en/a.mdx': article(KCS) });
    const taxonomy = readFileSync(join(dir, 'taxonomy.yaml'), 'utf8');
    expect(taxonomy).toContain('eol: 2025-10-14');
    writeFileSync(join(dir, 'taxonomy.yaml'), taxonomy.replace('eol: 2025-10-14', 'eol: 2025-02-29'));
    const finding = (await check(dir)).findings.find((f) => f.ruleId === 'taxonomy');
    expect(finding?.message).toContain('February 2025 has 28 days, so 2025-02-29 is not a day (it would be read as 2025-03-01)');
    const lifecycle = join(work, 'lifecycle-days');
    mkdirSync(lifecycle, { recursive: true });
    writeFileSync(join(lifecycle, 'local.yaml'), 'products:\n  app:\n    cycles:\n      - { cycle: "1", eol: 05.06.2024 }\n');
    expect(() => readLocal(lifecycle)).toThrow('05.06.2024 (day.month.year) is 2024-06-05');
    writeFileSync(join(lifecycle, 'local.yaml'), 'products:\n  app:\n    cycles:\n      - { cycle: "1", eol: 2024-06-05, released: 2020-01-01 }\n');
    expect(readLocal(lifecycle).products?.['app']?.cycles?.[0]).toMatchObject({
      eol: new Date('2024-06-05T00:00:00Z'),
      released: new Date('2020-01-01T00:00:00Z'),
    });
  });

  it('hints every shape people write', () => {
    expect(dayHint('31.12.2025')).toContain('is 2025-12-31');
    expect(dayHint('2025-04-31')).toContain('April 2025 has 30 days');
  });
});

describe('ticket files that are not regular files never block', () => {
  it('a symbolic link to a named pipe is named and never opened', async () => {
    const fifo = join(work, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const link = join(work, 'tickets.csv');
    symlinkSync(fifo, link);
    const stats = await readTickets([link], () => undefined, {});
    expect(stats.problems).toEqual([expect.objectContaining({ file: link, rule: 'not-a-file', reason: expect.stringContaining('named pipe') })]);
  });

  it('kb gaps with a named pipe among its exports finishes, reports it and reads the rest', () => {
    const fifo = join(work, 'export.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const good = join(work, 'good.csv');
    writeFileSync(good, 'id,subject\n1,Drucker offline\n2,VPN trennt\n');
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/kb.ts'), 'gaps', '--tickets', fifo, good, '--format', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, KB_CONTENT_DIR: join(ROOT, 'test/fixtures/gaps/content') },
    });
    expect(run.signal, 'kb gaps must not wait for a writer').toBeNull();
    const report = JSON.parse(run.stdout) as { tickets: { accepted: number; problems: { file: string; rule: string }[] } };
    expect(report.tickets.accepted).toBe(2);
    expect(report.tickets.problems).toEqual([expect.objectContaining({ file: fifo, rule: 'not-a-file' })]);
  });
});
