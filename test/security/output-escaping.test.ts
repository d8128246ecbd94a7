import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatText as checkText } from '../../src/lib/check/format.ts';
import { formatGithub } from '../../src/lib/findings.ts';
import type { CheckResult } from '../../src/lib/check/run.ts';
import type { GapsReport } from '../../src/lib/gaps/analyse.ts';
import { formatMarkdown as gapsMarkdown, formatText as gapsText } from '../../src/lib/gaps/format.ts';
import { textReport } from '../../src/lib/import/report.ts';
import type { ImportResult } from '../../src/lib/import/run-import.ts';
import { formatReport } from '../../src/lib/stale/format.ts';
import type { StaleReport } from '../../src/lib/stale/run.ts';
import { annotationData, annotationProperty, markdownCode, markdownText } from '../../src/lib/escape.ts';
import { ROOT } from '../helpers/paths.ts';

// Values that come from articles, imported files and tickets, one attack per case.
const HOSTILE = {
  mention: 'ping @it-security and @org/team',
  issueLink: 'see #123',
  pixel: '![x](https://tracker.example/p.gif?u=1)',
  image: '<img src="https://tracker.example/p.gif">',
  details: 'done</details><details open><summary>injected',
  comment: 'hidden <!-- secret --> text',
  table: 'a | b | c',
  newline: 'first\nsecond | third',
  link: '[click](javascript:alert(1))',
  code: 'a`b``c',
  command: 'x\n::error file=a.mdx::forged\n::stop-commands::tok',
  legacy: 'x ##[error]forged',
  ansi: 'red\u001b[31m text\u001b]8;;https://evil.example\u0007link',
};

/** What GitHub would act on in Markdown: a raw mention, image, HTML tag or comment. */
function outsideCode(text: string): string {
  // a fenced block is literal up to a fence at least as long as its opening one, and a code
  // span up to a run of as many backticks
  return text.replace(/^(`{3,})[^\n]*\n[^]*?\n\1`*$/gm, '').replace(/(?<!`)(`+)(?!`)[^\n]*?(?<!`)\1(?!`)/g, '');
}

function liveMarkdown(text: string): string[] {
  const markdown = outsideCode(text);
  const found: string[] = [];
  if (/(^|[^\p{L}\p{N}&;])@[\p{L}\p{N}]/u.test(markdown)) found.push('mention');
  if (/(^|[^\\])!\[/.test(markdown)) found.push('image');
  if (/<(?!\/?(details|summary|br)>)[a-z!/]/i.test(markdown)) found.push('html');
  if (/(^|[^\\])\[[^\]]*(^|[^\\])\]\(/.test(markdown)) found.push('link');
  if (/(^|[^&])#\d/.test(markdown)) found.push('issue reference');
  return found;
}

/** Unescaped pipes in a table row: one per cell border. */
function borders(row: string): number {
  return row.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length - 1;
}

describe('Markdown escaping', () => {
  it.each(Object.entries(HOSTILE))('%s becomes literal text', (_, value) => {
    const cell = markdownText(value);
    expect(liveMarkdown(cell)).toEqual([]);
    expect(cell).not.toMatch(/[\n\r]/);
    expect(borders(`|${cell}|`)).toBe(2);
    expect(cell).not.toContain('\u001b');
  });

  it('breaks mentions and issue references once, with one zero-width space each', () => {
    expect(markdownText('@team #12 and &#64;x')).toBe('@&#8203;team #&#8203;12 and &amp;#&#8203;64;x');
  });

  it.each(Object.entries(HOSTILE))('%s as inline code stays in its span and cell', (_, value) => {
    const code = markdownCode(value);
    const fence = /^`+/.exec(code)?.[0] ?? '';
    expect(code.endsWith(fence)).toBe(true);
    expect(code.slice(fence.length, -fence.length)).not.toContain(fence);
    expect(borders(`|${code}|`)).toBe(2);
  });
});

function gapsReport(): GapsReport {
  return {
    tickets: {
      read: 2,
      accepted: 1,
      rejected: 1,
      tickets: 1,
      rejections: [
        {
          file: `tickets ${HOSTILE.details}.csv`,
          line: 2,
          rule: 'bad-date',
          reason: `${HOSTILE.mention} ${HOSTILE.pixel} ${HOSTILE.comment} ${HOSTILE.command}`,
        },
      ],
      rejectionsTotal: 1,
      rejectionsByRule: { 'bad-date': 1 },
      problems: [],
      files: [{ file: 'tickets.csv', encoding: 'utf-8', format: 'csv', preset: 'generic', read: 2, accepted: 1, rejected: 1 }],
    },
    articles: 1,
    classification: { known: 0, new: 0, unknown: 1 },
    matchedBy: { 'ticket-field': 0, 'article-tickets': 0, 'error-code': 0, text: 0 },
    metrics: { linkRate: 0, byLevel: {}, byProduct: {}, reuse: [] },
    gaps: [
      {
        label: HOSTILE.table,
        keywords: [HOSTILE.mention, HOSTILE.image],
        tickets: 3,
        ticketIds: ['1'],
        levels: { '2': 3 },
        languages: {},
        escalated: 0,
        reopened: 0,
        urgent: 0,
        medianHoursToResolve: undefined,
        effort: 1,
        cohesion: 1,
        score: 1,
        examples: [HOSTILE.command],
      },
    ],
    other: { tickets: 0, topics: 0, unlike: 0 },
    shiftLeft: [
      { article: `en/x${HOSTILE.code}`, title: 't', level: 2, audience: 'internal', tickets: 3, ticketIds: [], resolvedAt: {}, message: HOSTILE.command },
    ],
  };
}

function staleReport(): StaleReport {
  const entry = {
    id: 'en/printer',
    path: 'content/articles/en/printer (copy).mdx',
    title: `${HOSTILE.pixel} ${HOSTILE.mention} ${HOSTILE.newline}`,
    lang: 'en' as const,
    level: 1 as const,
    owner: HOSTILE.details,
    product: HOSTILE.command,
    reasons: [{ code: 'broken-link', message: `${HOSTILE.comment} ${HOSTILE.table} ${HOSTILE.image}`, severity: 'error' as const }],
  };
  return {
    today: '2026-12-01',
    checked: 1,
    ignored: { draft: 0, archived: 0 },
    skipped: [{ id: 'en/bad', path: 'content/articles/en/bad.mdx', issues: [{ line: 2, column: 8, field: 'title', message: HOSTILE.details }] }],
    warnings: [{ code: 'git-shallow', message: HOSTILE.mention }],
    articles: [entry],
  };
}

describe('the pull-request comments', () => {
  it.each([
    ['kb gaps --format markdown', () => gapsMarkdown(gapsReport())],
    [
      'kb stale --format markdown, by owner',
      () => formatReport(staleReport(), 'markdown', { groupBy: 'owner', linkBase: 'https://github.com/example/kb/blob/main' }),
    ],
    ['kb stale --format markdown, by product', () => formatReport(staleReport(), 'markdown', { groupBy: 'product' })],
    ['kb import --format markdown', () => textReport(importResult(), { markdown: true, verbose: true })],
  ])('%s: no mention, image, HTML, forged link or broken table', (_, render) => {
    const markdown = render();
    expect(liveMarkdown(markdown)).toEqual([]);
    // only the report's own <details> blocks: every one opened is closed, none injected
    const plain = outsideCode(markdown);
    expect((plain.match(/<\/details>/g) ?? []).length).toBe((plain.match(/<details>/g) ?? []).length);
    expect(plain).not.toContain('<details open>');
    for (const table of markdown.split(/\n\n/).filter((b) => b.startsWith('|'))) {
      const lines = table.split('\n');
      const width = borders(lines[0] ?? '');
      for (const line of lines) expect(borders(line)).toBe(width);
    }
  });
});

function importResult(): ImportResult {
  return {
    files: [
      {
        source: 'kb/a.md',
        id: 'en/a',
        status: 'written',
        issues: [
          {
            file: `kb/${HOSTILE.code}.md`,
            line: 3,
            column: 1,
            rule: 'link-unresolved',
            severity: 'warning',
            reason: `Unexpected link to \`${HOSTILE.details}\` ${HOSTILE.command} \`\`\``,
          } as never,
        ],
      },
    ],
    skipped: [{ file: `kb/${HOSTILE.pixel}.json`, reason: HOSTILE.mention }],
    ignoredKeys: {},
    newProducts: [],
    newTags: [],
    reviewDates: { history: 'none', historyNote: HOSTILE.command, threshold: 10, bulk: [], fromHistory: 0, cleared: 0 },
    // a language and a signal come from the source (a frontmatter value, a folder name)
    languages: { [HOSTILE.command]: { [HOSTILE.mention]: 1 } },
  };
}

/** Lines a GitHub Actions runner would obey: `::command` at the start, or `##[command]` anywhere. */
function commandLines(text: string): string[] {
  return text.split(/\r?\n|\r/).filter((line) => /^\s*::/.test(line) || line.includes('##['));
}

describe('plain text printed in CI', () => {
  const finding = {
    file: 'content/articles/en/x.mdx',
    line: 2,
    column: 8,
    ruleId: 'taxonomy-product',
    severity: 'error' as const,
    message: `Unknown product "${HOSTILE.command}"`,
    hint: HOSTILE.legacy,
  };
  const check: CheckResult = { findings: [finding], counts: { error: 1, warning: 0, info: 0 }, reported: 1 } as unknown as CheckResult;
  it.each([
    ['kb check', () => checkText(check)],
    ['kb stale', () => formatReport(staleReport(), 'text', { groupBy: 'owner' })],
    ['kb stale, grouped by product', () => formatReport(staleReport(), 'text', { groupBy: 'product' })],
    ['kb gaps', () => gapsText(gapsReport())],
    ['kb import', () => textReport(importResult(), { verbose: true })],
  ])('%s prints no workflow command and no terminal escape', (_, render) => {
    const text = render();
    expect(commandLines(text)).toEqual([]);
    expect(text).not.toContain('\u001b');
  });

  it('kb check annotations escape the message and properties as the Actions toolkit does', () => {
    const annotation = formatGithub([
      { ...finding, file: 'content/articles/en/a,b:c.mdx', message: 'line one\r\n::error::forged 100%', hint: undefined } as never,
    ]);
    expect(annotation).toBe(
      '::error file=content/articles/en/a%2Cb%3Ac.mdx,line=2,col=8,title=kb check%3A taxonomy-product::line one%0D%0A::error::forged 100%25',
    );
    expect(annotation.split('\n')).toHaveLength(1);
    expect(annotationData('%0A')).toBe('%250A');
    expect(annotationProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });
});

describe('kb check in CI, end to end', () => {
  it('prints a frontmatter value with line breaks as one escaped line and one annotation, never a command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-sec-ci-'));
    try {
      mkdirSync(join(dir, 'articles/en'), { recursive: true });
      cpSync(join(ROOT, 'content/taxonomy.yaml'), join(dir, 'taxonomy.yaml'));
      writeFileSync(
        join(dir, 'articles/en/x.mdx'),
        '---\ntitle: "Printer"\nsummary: "S"\nlevel: 1\naudience: public\nstate: validated\nproduct: "printing\\n::error file=README.md::forged\\n::stop-commands::tok"\nowner: "@it"\nreviewed: 2026-10-01\nlang: en\n---\n\n## Symptom\n\nx\n',
      );
      const run = spawnSync(process.execPath, [join(ROOT, 'scripts/kb.ts'), 'check'], {
        cwd: ROOT,
        env: { ...process.env, CI: '1', KB_CONTENT_DIR: dir },
        encoding: 'utf8',
      });
      expect(run.status).toBe(1);
      const output = `${run.stdout}\n${run.stderr}`;
      const commands = commandLines(output);
      // the annotation kb check means to print, and nothing else
      expect(commands).toHaveLength(1);
      expect(commands[0]).toMatch(
        /^::error file=.*x\.mdx,line=7,col=10,title=kb check%3A schema::Unexpected `product` value `printing%0A::error file=README.md::forged%0A::stop-commands::tok`/,
      );
      expect(output).toContain('value `printing ::error file=README.md::forged ::stop-commands::tok`');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
