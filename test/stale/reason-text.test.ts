import { describe, expect, it } from 'vitest';
import { reasonName } from '../../src/lib/i18n.ts';
import { reasonMessage, staleReason, staleWarning, warningMessage, type ReasonCode, type ReasonDetails } from '../../src/lib/stale/reason-text.ts';

// one example of every reason the project's own providers give, with the details they attach
const examples: { [C in ReasonCode]: ReasonDetails[C] } = {
  'never-reviewed': {},
  'review-overdue': { reviewed: '2025-01-10', reviewEvery: 180, due: '2025-07-09', overdueDays: 40 },
  'review-due': { reviewed: '2026-06-01', reviewEvery: 180, due: '2026-11-28', dueInDays: 1 },
  'git-unchanged': { lastCommit: '2024-03-01', days: 640, maxAgeDays: 365 },
  'translation-outdated': { basis: 'reviewed', source: 'en/vpn', reviewed: '2026-01-01', sourceReviewed: '2026-06-01', lagDays: 151, maxLagDays: 30 },
  'broken-link': { problem: 'draft', url: '../draft/', target: 'en/draft', path: 'content/articles/en/x.mdx', line: 10, column: 1 },
  'archived-linked': { target: 'en/old', title: 'Old way', line: 10, column: 1 },
  'product-eol': { product: 'mail', version: '2016', eol: '2025-10-14', source: 'taxonomy', othersSupported: true, path: 'a.mdx', line: 3, column: 5 },
  'eol-soon': { version: 'Office 2010', eol: '2020-10-13', inDays: 39, others: ['Word 2010'], path: 'a.mdx', line: 12, column: 3 },
  'mentions-eol': {
    where: 'body',
    path: 'a.mdx',
    line: 9,
    column: 4,
    count: 23,
    mentions: [{ text: 'Internet Explorer', product: 'internet-explorer', line: 9, column: 4, eol: '2022-06-15' }],
  },
  unhelpful: { yes: 3, no: 9, votes: 12, helpfulRate: 0.25, threshold: 0.5, reviewed: '2026-10-01' },
  'ticket-escalations': { tickets: ['T-1', 'T-2'] },
  'ticket-reopened': { tickets: ['T-3'], reviewed: '2026-10-01' },
  unused: { tickets: 0, unusedDays: 365 },
};

describe('staleReason', () => {
  it('writes the English message from the same details the health page renders', () => {
    const reason = staleReason('review-overdue', 'error', examples['review-overdue']);
    expect(reason).toEqual({
      code: 'review-overdue',
      severity: 'error',
      message: 'Review overdue by 40 days (due 2025-07-09; reviewed 2025-01-10, review every 180 days).',
      details: examples['review-overdue'],
    });
    expect(reasonMessage('en', reason)).toEqual({ text: reason.message, lang: 'en' });
  });

  it('leaves out empty details', () => {
    expect(staleReason('never-reviewed', 'warning', {})).not.toHaveProperty('details');
  });
});

describe('reasonMessage', () => {
  it.each(Object.keys(examples) as ReasonCode[])('says %s in German, with German dates, and has a German name', (code) => {
    const reason = staleReason(code, 'warning', examples[code] as never);
    const de = reasonMessage('de', reason);
    expect(de.lang).toBe('de');
    expect(de.text).not.toBe(reason.message);
    expect(de.text).not.toMatch(/\b(the|which|since|days|and|links to)\b/i);
    expect(de.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(reasonName('de', code)).not.toBe(code);
  });

  it('keeps the English message of a reason it does not know, marked as English', () => {
    const outside = { code: 'custom-rule', message: 'Checked by our own rule.', severity: 'info' as const };
    expect(reasonMessage('de', outside)).toEqual({ text: 'Checked by our own rule.', lang: 'en' });
  });
});

describe('warningMessage', () => {
  it('says run-level warnings in German', () => {
    const warning = staleWarning('git-shallow', { unknownFiles: 4 });
    expect(warning.message).toMatch(/^Shallow git clone: 4 files have/);
    expect(warningMessage('de', warning)).toEqual({ text: expect.stringMatching(/^Flacher Git-Klon: Für 4 Dateien/) as unknown, lang: 'de' });
    expect(warningMessage('de', staleWarning('git-off', {})).text).toMatch(/^Git-Historie nicht gelesen/);
  });
});
