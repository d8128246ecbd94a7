import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { htmlText } from '../helpers/dist.ts';

it('separates the error codes of an article so search reads each one as a word', () => {
  const html = readFileSync(join(inject('fixtureSite'), 'public/en/articles/access-denied-share/index.html'), 'utf8');
  const row = /<dt>Error codes<\/dt>([\s\S]*?)<\/dd>/.exec(html)?.[1] ?? '';
  expect(row).toContain('0x80070005');
  // glued together ("0x800700050x80004005") they were one word to Pagefind and in excerpts
  expect(htmlText(row)).toMatch(/0x80070005\s+0x80004005/);
});
