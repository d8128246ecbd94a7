import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { afterAll, describe, expect, it } from 'vitest';
import { slugify } from '../../src/lib/slug.ts';
import { redact } from '../../src/lib/redact.ts';
import { renderArticle } from '../../src/lib/authoring/template.ts';
import { runNew } from '../../scripts/commands/new-run.ts';
import { parseArticle, validateFrontmatter } from '../../src/lib/content/parse-article.ts';
import { ROOT } from '../helpers/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'kb-new-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function contentDir(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  cpSync(join(ROOT, 'content/taxonomy.yaml'), join(dir, 'taxonomy.yaml'));
  return dir;
}

function kb(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts/kb.ts'), ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
}

describe('slugs and redaction', () => {
  it('makes file names from German and English titles', () => {
    expect(slugify('Drucker reagiert nicht – Warteschlange hängt')).toBe('drucker-reagiert-nicht-warteschlange-haengt');
    expect(slugify('Größe der Straße: Öffnen & Übernehmen')).toBe('groesse-der-strasse-oeffnen-uebernehmen');
    expect(slugify('Outlook error 0x800CCC0E!')).toBe('outlook-error-0x800ccc0e');
  });

  it('removes e-mail addresses, phone numbers, IBANs and IP addresses', () => {
    expect(redact('Mail anna.berg@firma.de or call +49 30 1234567 / 030-98765432, IBAN DE89 3704 0044 0532 0130 00, host 192.168.10.4')).toBe(
      'Mail [email] or call [phone] / [phone], IBAN [iban], host [ip]',
    );
    expect(redact('Error 0x800CCC0E at 14:03 on 22.11.2026, ticket INC0012345')).toBe('Error 0x800CCC0E at 14:03 on 22.11.2026, ticket INC0012345');
  });
});

describe('the template', () => {
  it.each(['en', 'de'] as const)('is valid frontmatter and MDX in %s', (lang) => {
    const source = renderArticle({
      title: 'T',
      level: 2,
      audience: 'public',
      product: 'mail',
      lang,
      tags: ['outlook'],
      owner: '@it-messaging',
      today: '2026-11-24',
      tickets: [],
    });
    const parsed = parseArticle(source, 'x.mdx', `${lang}/x`);
    const { data, issues } = validateFrontmatter(parsed);
    expect(issues).toEqual([]);
    expect(data).toMatchObject({ state: 'draft', level: 2, escalation: { to: 3 } });
    expect(() => unified().use(remarkParse).use(remarkMdx).parse(parsed.body)).not.toThrow();
    expect(parsed.body).toContain(lang === 'de' ? '## Lösung' : '## Resolution');
  });
});

describe('kb new', () => {
  it('writes a draft that passes kb check, without a terminal', () => {
    const dir = contentDir('flags');
    const run = kb(
      [
        'new',
        '--title',
        'Outlook kann den Server nicht finden',
        '--level',
        '2',
        '--audience',
        'public',
        '--product',
        'mail',
        '--lang',
        'de',
        '--today',
        '2026-11-24',
        '--owner',
        '@it-messaging',
      ],
      { KB_CONTENT_DIR: dir },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('articles/de/outlook-kann-den-server-nicht-finden.mdx');
    expect(run.stdout).toContain('npx kb check');
    const check = kb(['check'], { KB_CONTENT_DIR: dir });
    expect(check.stdout).toMatch(/^0 errors/m);
  });

  it('names the missing flags when there is no terminal to ask on', () => {
    const run = kb(['new', '--title', 'X'], { KB_CONTENT_DIR: contentDir('missing') });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Missing --level, --audience, --product, --lang (no terminal to ask on)');
  });

  it('refuses to overwrite an article', () => {
    const dir = contentDir('twice');
    const args = ['new', '--title', 'Same title', '--level', '1', '--audience', 'public', '--product', 'printing', '--lang', 'en'];
    expect(kb(args, { KB_CONTENT_DIR: dir }).status).toBe(0);
    const again = kb(args, { KB_CONTENT_DIR: dir });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('articles/en/same-title.mdx already exists');
  });

  it('fills symptom and environment from a ticket, redacted and MDX-safe', () => {
    const dir = contentDir('ticket');
    const run = kb(
      [
        'new',
        '--from-ticket',
        'INC0042',
        '--tickets',
        join(ROOT, 'test/fixtures/authoring/tickets.csv'),
        '--level',
        '2',
        '--audience',
        'internal',
        '--product',
        'mail',
        '--lang',
        'de',
      ],
      {
        KB_CONTENT_DIR: dir,
      },
    );
    expect(run.status).toBe(0);
    const file = join(dir, 'articles/de/outlook-findet-den-server-nicht.mdx');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('tickets: ["INC0042"]');
    expect(text).toContain('Exchange Server 2019 / Outlook 2021');
    expect(text).toContain('Kontakt: \\[email], Tel. \\[phone], Rechner \\[ip].');
    expect(text).not.toMatch(/mustermann|1234567|10\.20\.30\.40/);
    expect(kb(['check'], { KB_CONTENT_DIR: dir }).stdout).toMatch(/^0 errors/m);
  });

  it('asks for what the flags leave open on a terminal', async () => {
    const dir = contentDir('prompt');
    process.env['KB_CONTENT_DIR'] = dir;
    try {
      const asked: unknown[] = [];
      const code = await runNew(
        { level: '3', today: '2026-11-24' },
        async (known) => {
          asked.push(known);
          return { title: 'Datenbank wiederherstellen', level: 3, audience: 'internal', product: 'database', lang: 'de' };
        },
        true,
      );
      expect(code).toBe(0);
      expect(asked).toEqual([{ level: 3 }]);
      expect(existsSync(join(dir, 'articles/de/datenbank-wiederherstellen.mdx'))).toBe(true);
    } finally {
      delete process.env['KB_CONTENT_DIR'];
    }
  });
});

describe('kb owners', () => {
  it('writes CODEOWNERS from the taxonomy and detects when it is out of date', () => {
    const dir = contentDir('owners');
    const out = join(work, 'CODEOWNERS');
    expect(
      kb(['new', '--title', 'Mail stuck', '--level', '1', '--audience', 'public', '--product', 'mail', '--lang', 'en'], { KB_CONTENT_DIR: dir }).status,
    ).toBe(0);
    expect(kb(['owners', '--out', out], { KB_CONTENT_DIR: dir }).status).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('# E-mail and calendar (mail)');
    expect(text).toMatch(/^\/.*articles\/en\/mail-stuck\.mdx @it-messaging$/m);
    expect(kb(['owners', '--out', out, '--check'], { KB_CONTENT_DIR: dir }).status).toBe(0);
    expect(
      kb(['new', '--title', 'Printer stuck', '--level', '1', '--audience', 'public', '--product', 'printing', '--lang', 'en'], { KB_CONTENT_DIR: dir }).status,
    ).toBe(0);
    const stale = kb(['owners', '--out', out, '--check'], { KB_CONTENT_DIR: dir });
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('out of date');
  });

  it('keeps the repository CODEOWNERS current', () => {
    expect(kb(['owners', '--check'], {}).status).toBe(0);
  });
});
