import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseGaps } from '../../src/lib/gaps/analyse.ts';
import { formatMarkdown, formatText } from '../../src/lib/gaps/format.ts';
import { ROOT } from '../helpers/paths.ts';

// Two unanswered topics: the larger one's tickets share two of their eight words with the password
// article of the fixture knowledge base (too few to match it, enough to come close), the smaller
// one's tickets share none.
const dir = mkdtempSync(join(tmpdir(), 'kb-gaps-near-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const rows = [
  ...Array.from(
    { length: 24 },
    (_, i) => `P${i},Password portal shows a blank page,"The password portal shows a blank page in the browser with a spinning wheel${i % 2 ? ' again' : ''}"`,
  ),
  ...Array.from({ length: 16 }, (_, i) => `C${i},Coffee machine leaks,"The coffee machine in the kitchen leaks water on the floor${i % 2 ? ' again' : ''}"`),
];
const file = join(dir, 'tickets.csv');
writeFileSync(file, ['id,subject,description', ...rows].join('\n'));

describe('a topic whose tickets come close to an article', async () => {
  const report = await analyseGaps({ contentDir: join(ROOT, 'test/fixtures/gaps/content'), root: ROOT, files: [file] });
  const [first, second] = report.gaps;

  it('ranks after a smaller topic no article touches, and names the article', () => {
    expect(report.classification.unknown).toBe(40);
    expect(first).toMatchObject({ tickets: 16, score: 16 });
    expect(first?.nearArticle).toBeUndefined();
    expect(second).toMatchObject({ tickets: 24, nearArticle: { article: 'en/reset-password-and-request-access', share: 1 }, score: 0 });
  });

  it('says so in text and Markdown', () => {
    expect(formatText(report)).toMatch(/24 tickets; .*100% near en\/reset-password-and-request-access; score 0/);
    expect(formatText(report)).toContain('tickets × effort × (1 − near share)');
    expect(formatMarkdown(report)).toContain('| 100% `en/reset-password-and-request-access` | 0 |');
  });
});
