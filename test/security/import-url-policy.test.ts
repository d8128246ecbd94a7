import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTaxonomy } from '../../src/lib/content/taxonomy.ts';
import { DEFAULT_MAPPING } from '../../src/lib/import/mapping.ts';
import { runImport } from '../../src/lib/import/run-import.ts';
import { ROOT } from '../helpers/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'kb-sec-import-url-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const taxonomy = readTaxonomy(join(ROOT, 'content'));

async function importOne(name: string, file: string, content: string) {
  const dir = join(work, name);
  mkdirSync(join(dir, 'kb'), { recursive: true });
  writeFileSync(join(dir, 'kb', file), content);
  const result = await runImport({ inputs: ['kb'], outDir: join(dir, 'out'), mapping: DEFAULT_MAPPING, taxonomy, writeTaxonomy: true, cwd: dir });
  const written = result.files.map((f) => (f.output ? readFileSync(join(dir, f.output), 'utf8') : '')).join('\n');
  return { result, written, issues: result.files.flatMap((f) => f.issues) };
}

const md = (body: string) =>
  `---\ntitle: Links\ndescription: Links of every kind.\n---\n\n## Resolution\n\n${body}\n\nSee [the vendor](https://example.com/help) or [mail us](mailto:help@example.com).\n`;

// the importer's side of the one URL policy: script URLs from imported sources never reach an article
describe('kb import drops and reports script URLs', () => {
  it.each([
    ['a javascript: link', 'doc.md', md('[click](javascript:alert(1))')],
    ['a mixed-case JaVaScRiPt: link', 'doc.md', md('[click](JaVaScRiPt:alert(1))')],
    ['an entity-encoded javascript: link', 'doc.md', md('[click](&#106;avascript:alert(1))')],
    ['a vbscript: link in a definition', 'doc.md', md('[click][r]\n\n[r]: vbscript:msgbox(1)')],
    ['a data: image', 'doc.md', md('![pixel](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)')],
    [
      'an HTML link with a javascript: href (Confluence)',
      'Page_123.html',
      '<html><head><title>Links</title></head><body><h2>Resolution</h2><p><a href="javascript:alert(1)">click</a> and <a href="https://example.com/help">the vendor</a></p></body></html>',
    ],
    [
      'an HTML link with a tab in the scheme (Zendesk)',
      'page.html',
      '<html><head><title>Links</title></head><body><h2>Resolution</h2><p><a href="java&#x09;script:alert(1)">click</a> and <a href="https://example.com/help">the vendor</a></p></body></html>',
    ],
  ])('%s', async (name, file, content) => {
    const { written, issues } = await importOne(name.replace(/\W+/g, '-'), file, content);
    expect(written).toContain(file === 'doc.md' && content.includes('pixel') ? 'pixel' : 'click');
    expect(written.toLowerCase().replace(/&#x?0*9;?|\t/g, '')).not.toMatch(/javascript:|vbscript:|data:image|&#106;/);
    expect(written).toContain('https://example.com/help');
    expect(issues.filter((i) => i.rule === 'url-scheme').length).toBeGreaterThanOrEqual(1);
  });
});
