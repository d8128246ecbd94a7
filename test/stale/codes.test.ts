import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isReasonCode, REASON_CODES } from '../../src/lib/stale/codes.ts';
import { ROOT } from './helpers.ts';

describe('isReasonCode', () => {
  it('knows every code kb stale documents', () => {
    for (const code of Object.keys(REASON_CODES)) expect(isReasonCode(code), code).toBe(true);
  });

  it('refuses unknown codes, inherited object keys and near misses (as in --fail-on)', () => {
    for (const value of ['', 'review_overdue', 'Review-Overdue', 'toString', 'constructor', '__proto__', 'hasOwnProperty'])
      expect(isReasonCode(value), value).toBe(false);
  });
});

describe('REASON_CODES', () => {
  it('has each code described in docs/stale.md', () => {
    const docs = readFileSync(join(ROOT, 'docs/stale.md'), 'utf8');
    const missing = Object.keys(REASON_CODES).filter((code) => !docs.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });
});
