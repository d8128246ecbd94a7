import { describe, expect, it } from 'vitest';
import type { GitHistory } from '../../src/lib/stale/git-history.ts';
import { translationProvider } from '../../src/lib/stale/providers/translation.ts';
import { article, day, runProvider } from './helpers.ts';

const pair = (en: string | undefined, de: string | undefined) => [
  article('en/a', { translation_key: 'k', ...(en ? { reviewed: en } : {}) }),
  article('de/a', { translation_key: 'k', ...(de ? { reviewed: de } : {}) }),
];

describe('translation-outdated', () => {
  it('reports the translation reviewed more than N days before the newest-reviewed partner', async () => {
    const { reasons } = await runProvider(translationProvider(30), pair('2026-01-01', '2026-03-01'), '2026-11-24');
    expect([...reasons.keys()]).toEqual(['en/a']);
    expect(reasons.get('en/a')?.[0]?.message).toBe('Translation reviewed 2026-01-01, 59 days before its source de/a (reviewed 2026-03-01); threshold 30 days.');
  });

  it('accepts a lag of exactly N days', async () => {
    const { reasons } = await runProvider(translationProvider(30), pair('2026-01-01', '2026-01-31'), '2026-11-24');
    expect(reasons.size).toBe(0);
  });

  it('ignores articles without a translation', async () => {
    const { reasons } = await runProvider(translationProvider(30), [article('en/a', { translation_key: 'k', reviewed: '2020-01-01' })], '2026-11-24');
    expect(reasons.size).toBe(0);
  });

  it('reports a translation whose last commit trails the source by more than N days', async () => {
    const history: GitHistory = {
      status: 'ok',
      root: '/',
      lastChange: new Map([
        ['content/articles/en/a.mdx', day('2026-06-01')],
        ['content/articles/de/a.mdx', day('2026-01-01')],
      ]),
      unknown: new Set(),
      modified: new Set(),
      warnings: [],
    };
    const { reasons } = await runProvider(translationProvider(30, history), pair('2026-06-01', '2026-05-20'), '2026-11-24');
    expect(reasons.get('de/a')?.[0]?.message).toBe(
      'Translation last changed in git 2026-01-01, 151 days before its source en/a (2026-06-01); threshold 30 days.',
    );
  });
});
