import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, it } from 'vitest';
import { ArticleExistsError, createArticle, type CreateOptions } from '../../src/lib/authoring/create.ts';
import { parseArticle, validateFrontmatter } from '../../src/lib/content/parse-article.ts';
import { parseMdx } from '../../src/lib/content/mdx.ts';
import { taxonomySchema } from '../../src/lib/schema/taxonomy.ts';

const work = mkdtempSync(join(tmpdir(), 'kb-create-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const taxonomy = taxonomySchema.parse({
  products: [
    { id: 'printing', name: { en: 'Printing', de: 'Drucken' }, owners: ['@print-team', '@it-workplace'] },
    { id: 'mail', name: { en: 'E-mail', de: 'E-Mail' }, owners: ['@it-messaging'] },
  ],
  tags: [{ id: 'outlook', name: { en: 'Outlook', de: 'Outlook' } }],
});

let n = 0;
/** Options for a fresh project folder (root) with its content folder inside. */
function options(overrides: Partial<CreateOptions> = {}): CreateOptions {
  const root = join(work, `p${++n}`);
  const contentDir = join(root, 'content');
  mkdirSync(contentDir, { recursive: true });
  return {
    title: 'Printer shows offline',
    level: 1,
    audience: 'public',
    product: 'printing',
    lang: 'en',
    contentDir,
    root,
    taxonomy,
    today: '2026-11-24',
    ...overrides,
  };
}

/** Every file below `dir`, relative to it. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('createArticle', () => {
  it('writes a draft named after the title in the language folder and says where', async () => {
    const o = options({ title: 'Drucker zeigt „offline“ – Störung', lang: 'de' });
    const created = await createArticle(o);
    expect(created.path).toBe(join('content', 'articles', 'de', 'drucker-zeigt-offline-stoerung.mdx'));
    expect(readFileSync(created.file, 'utf8')).toBe(created.content);
    const parsed = parseArticle(created.content, created.path, 'de/drucker-zeigt-offline-stoerung');
    const { data, issues } = validateFrontmatter(parsed);
    expect(issues).toEqual([]);
    expect(data).toMatchObject({ title: 'Drucker zeigt „offline“ – Störung', state: 'draft', product: 'printing', lang: 'de', level: 1, audience: 'public' });
  });

  it("makes the product's first owner the owner unless one is given", async () => {
    const first = await createArticle(options());
    expect(validateFrontmatter(parseArticle(first.content, first.path, 'en/x')).data?.owner).toBe('@print-team');
    const given = await createArticle(options({ owner: 'anna@example.com' }));
    expect(validateFrontmatter(parseArticle(given.content, given.path, 'en/x')).data?.owner).toBe('anna@example.com');
  });

  it('refuses an unknown product, naming the known ones, and writes nothing', async () => {
    const o = options({ product: 'fax' });
    await expect(createArticle(o)).rejects.toThrow('Unknown product "fax", expected one of printing, mail');
    expect(filesBelow(o.root)).toEqual([]);
  });

  it('refuses a title without letters or digits unless a slug is given', async () => {
    await expect(createArticle(options({ title: '???' }))).rejects.toThrow(/--slug/);
    const created = await createArticle(options({ title: '???', slug: 'question-marks' }));
    expect(created.path).toBe(join('content', 'articles', 'en', 'question-marks.mdx'));
  });

  it('refuses a slug that kb check would reject, and never writes outside the language folder', async () => {
    for (const slug of ['../../../escaped', 'Printer Offline', 'en/nested']) {
      const o = options({ slug });
      await expect(createArticle(o), slug).rejects.toThrow(/^Unexpected --slug/);
      expect(filesBelow(o.root), slug).toEqual([]);
    }
  });

  it('never overwrites an article: ArticleExistsError, and the file keeps its text', async () => {
    const o = options();
    const file = join(o.contentDir, 'articles/en/printer-shows-offline.mdx');
    mkdirSync(join(o.contentDir, 'articles/en'), { recursive: true });
    writeFileSync(file, 'written by a colleague');
    const attempt = createArticle(o);
    await expect(attempt).rejects.toBeInstanceOf(ArticleExistsError);
    await expect(attempt).rejects.toThrow('content/articles/en/printer-shows-offline.mdx already exists');
    expect(readFileSync(file, 'utf8')).toBe('written by a colleague');
  });

  it('writes nothing on a dry run but returns the same content', async () => {
    const o = options({ dryRun: true });
    const dry = await createArticle(o);
    expect(filesBelow(o.root)).toEqual([]);
    const real = await createArticle({ ...o, dryRun: false });
    expect(real.content).toBe(dry.content);
    expect(existsSync(real.file)).toBe(true);
  });

  it('fills symptom and environment from a ticket as text that does nothing when built', async () => {
    const ticket = {
      id: 'INC0042',
      title: 'Outlook {startet} nicht',
      text: '<script>alert(1)</script>\n\nexport const x = 1\n\n[click](javascript:alert(1)) {process.exit()}',
      environment: 'Exchange <Server> 2019',
    };
    const created = await createArticle(options({ product: 'mail', ticket }));
    const { data } = validateFrontmatter(parseArticle(created.content, created.path, 'en/x'));
    expect(data?.tickets).toEqual(['INC0042']);
    const body = created.content.slice(created.content.indexOf('\n---\n') + 5);
    const tree = parseMdx(body);
    const active: string[] = [];
    visit(tree, (node) => {
      if (['mdxjsEsm', 'link', 'image'].includes(node.type)) active.push(node.type);
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        const name = (node as { name: string | null }).name;
        if (name !== 'Steps') active.push(`<${name}>`);
      }
      // the template's guidance comments are the only expressions allowed
      if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && !/^\/\*[^]*\*\/$/.test((node as { value: string }).value.trim()))
        active.push(`{${(node as { value: string }).value}}`);
    });
    expect(active).toEqual([]);
    // the reader still sees what the ticket said
    expect(body).toContain('alert(1)');
    expect(body).toContain('startet');
    expect(body).toContain('2019');
  });
});
