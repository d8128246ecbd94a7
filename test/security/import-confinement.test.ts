import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/lib/check/run.ts';
import { readTaxonomy } from '../../src/lib/content/taxonomy.ts';
import { DEFAULT_MAPPING } from '../../src/lib/import/mapping.ts';
import { summarize } from '../../src/lib/import/report.ts';
import { runImport } from '../../src/lib/import/run-import.ts';
import { ROOT } from '../helpers/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'kb-sec-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SECRET = 'CANARY-SECRET-9f3e';
const taxonomy = readTaxonomy(join(ROOT, 'content'));
// a PNG's first bytes are enough for a copied file
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/** A fresh case: `kb/` to import, `outside/` next to it with a secret, `out/` to write to. */
function scene(name: string, files: Record<string, string | Buffer>): { dir: string; kb: string; outside: string; out: string } {
  const dir = join(work, name);
  const kb = join(dir, 'kb');
  const outside = join(dir, 'outside');
  const out = join(dir, 'out');
  mkdirSync(kb, { recursive: true });
  mkdirSync(outside, { recursive: true });
  cpSync(join(ROOT, 'content/taxonomy.yaml'), join(dir, 'taxonomy.yaml'));
  writeFileSync(join(outside, 'secret.md'), `${SECRET} from a file outside the import\n`);
  writeFileSync(join(outside, 'secret.png'), Buffer.concat([PNG, Buffer.from(SECRET)]));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(kb, file, '..'), { recursive: true });
    writeFileSync(join(kb, file), content);
  }
  return { dir, kb, outside, out };
}

async function importScene(s: { dir: string; kb: string; out: string }, inputs = ['kb']) {
  const result = await runImport({ inputs, outDir: s.out, mapping: DEFAULT_MAPPING, taxonomy, writeTaxonomy: true, cwd: s.dir });
  return { result, written: everything(s.out), issues: result.files.flatMap((f) => f.issues) };
}

/** Every file under `dir`, as text (images too: the canary is ASCII). */
function everything(dir: string): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'latin1'))
    .join('\n');
}

const ARTICLE = (body: string) => `---\ntitle: Hostile article\ndescription: An article that reaches outside its folder.\n---\n\n## Resolution\n\n${body}\n`;

describe('kb import reads only inside the given folders', () => {
  it.each([
    ['a relative include out of the folder', '[!INCLUDE[x](../outside/secret.md)]'],
    ['the issue’s include of /etc/passwd', '[!INCLUDE[x](../../../../../../../../etc/passwd)]'],
    ['an absolute include', '[!INCLUDE[x](/etc/passwd)]'],
    ['an inline include out of the folder', 'Text [!INCLUDE[x](../outside/secret.md)] more text.'],
    ['an include through a linked file', '[!INCLUDE[x](includes/linked.md)]'],
  ])('%s is reported and skipped', async (name, body) => {
    const s = scene(name.replace(/\W+/g, '-'), { 'article.md': ARTICLE(body) });
    mkdirSync(join(s.kb, 'includes'), { recursive: true });
    symlinkSync(join(s.outside, 'secret.md'), join(s.kb, 'includes/linked.md'));
    const { written, issues, result } = await importScene(s);
    expect(written).not.toContain(SECRET);
    expect(written).not.toMatch(/root:.*:0:0:/);
    expect(issues.filter((i) => i.rule === 'outside-source')).toHaveLength(1);
    expect(summarize(result).rules['outside-source']).toBe(1);
  });

  it('still inlines an include inside the folder', async () => {
    const s = scene('include-inside', { 'article.md': ARTICLE('[!INCLUDE[x](includes/ok.md)]'), 'includes/ok.md': 'Included text inside.\n' });
    const { written, issues } = await importScene(s);
    expect(written).toContain('Included text inside.');
    expect(issues.filter((i) => i.rule === 'outside-source')).toEqual([]);
  });

  it.each([
    ['a relative image out of the folder', '![secret](../outside/secret.png)'],
    ['an HTML image out of the folder', '<img src="../outside/secret.png" alt="secret">'],
    ['an image through a linked file', '![secret](media/linked.png)'],
    ['an encoded path out of the folder', '![secret](..%2Foutside%2Fsecret.png)'],
  ])('%s is not copied', async (name, body) => {
    const s = scene(name.replace(/\W+/g, '-'), { 'article.md': ARTICLE(body) });
    mkdirSync(join(s.kb, 'media'), { recursive: true });
    symlinkSync(join(s.outside, 'secret.png'), join(s.kb, 'media/linked.png'));
    const { written, issues } = await importScene(s);
    expect(written).not.toContain(SECRET);
    expect(issues.some((i) => i.rule === 'outside-source' || i.rule === 'image-missing')).toBe(true);
  });

  it('skips and counts linked source files and files in linked folders that lead outside', async () => {
    const s = scene('linked-sources', { 'ok.md': ARTICLE('Fine.') });
    symlinkSync(join(s.outside, 'secret.md'), join(s.kb, 'evil.md'));
    symlinkSync(s.outside, join(s.kb, 'linked-folder'));
    const { written, result } = await importScene(s);
    expect(written).not.toContain(SECRET);
    expect(result.skipped).toEqual([
      { file: 'kb/evil.md', reason: expect.stringContaining('outside-source') },
      { file: 'kb/linked-folder/secret.md', reason: expect.stringContaining('outside-source') },
    ]);
    expect(summarize(result)).toMatchObject({ read: 1, written: 1, skipped: 2 });
  });
});

describe('kb import writes only inside --out', () => {
  it('refuses a write through a link placed in the output folder', async () => {
    const s = scene('linked-out', { 'printer.md': ARTICLE('![pic](media/pic.png)'), 'media/pic.png': PNG });
    const target = join(s.dir, 'elsewhere');
    mkdirSync(target);
    mkdirSync(join(s.out, 'articles/en'), { recursive: true });
    symlinkSync(target, join(s.out, 'articles/en/media'));
    symlinkSync(join(target, 'stolen.mdx'), join(s.out, 'articles/en/printer.mdx'));
    const { result } = await importScene(s);
    expect(readdirSync(target)).toEqual([]);
    expect(result.files[0]?.status).toBe('rejected');
    expect(result.files[0]?.issues.filter((i) => i.rule === 'outside-output')).toHaveLength(2);
  });
});

describe('kb import keeps each language’s media with its articles', () => {
  it('copies a German article’s images into articles/de/media, and kb check passes', async () => {
    const s = scene('german-media', {
      'drucker.md': `---\ntitle: Drucker offline\ndescription: Der Drucker zeigt offline.\nlocale: de-de\n---\n\n## Lösung\n\n![Drucker](media/drucker.png)\n`,
      'printer.md': `---\ntitle: Printer offline\ndescription: The printer shows offline.\nlocale: en-us\n---\n\n## Resolution\n\n![Printer](media/drucker.png)\n`,
      'media/drucker.png': PNG,
    });
    const { result } = await importScene(s);
    expect(result.files.map((f) => f.status)).toEqual(['written', 'written']);
    expect(existsSync(join(s.out, 'articles/de/media/drucker/drucker.png'))).toBe(true);
    expect(existsSync(join(s.out, 'articles/en/media/printer/drucker.png'))).toBe(true);
    expect(existsSync(join(s.out, 'articles/en/media/drucker'))).toBe(false);
    const check = await runCheck({ contentDir: s.out, root: s.dir });
    expect(check.findings.filter((f) => f.ruleId.includes('image'))).toEqual([]);
  });
});
