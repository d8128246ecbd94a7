import { describe, expect, it } from 'vitest';
import { articlePath, relatedArticles, sortForList, translationsOf, type ArticleRef } from '../src/lib/articles.ts';
import { isBuilt, isSearchable } from '../src/lib/content/visibility.ts';
import { buildAudience, resolveKbConfig } from '../src/lib/config.ts';

function article(id: string, data: Partial<ArticleRef['data']> = {}): ArticleRef {
  return {
    id,
    data: {
      title: id,
      summary: '',
      level: 1,
      lang: id.startsWith('de/') ? 'de' : 'en',
      product: 'mail',
      tags: [],
      error_codes: [],
      state: 'validated',
      ...data,
    },
  };
}

describe('visibility', () => {
  it('keeps internal articles and drafts out of the public site', () => {
    expect(isBuilt({ audience: 'internal', state: 'validated' }, 'public')).toBe(false);
    expect(isBuilt({ audience: 'internal', state: 'validated' }, 'internal')).toBe(true);
    expect(isBuilt({ audience: 'public', state: 'draft' }, 'internal')).toBe(false);
    expect(isBuilt({ audience: 'public', state: 'archived' }, 'public')).toBe(true);
  });

  it('keeps archived articles out of search', () => {
    expect(isSearchable({ audience: 'public', state: 'archived' })).toBe(false);
    expect(isSearchable({ audience: 'public', state: 'validated' })).toBe(true);
  });
});

describe('article helpers', () => {
  it('builds site paths from ids', () => {
    expect(articlePath(article('de/drucker-offline'))).toBe('de/articles/drucker-offline/');
  });

  it('pairs translations by key', () => {
    const en = article('en/a', { translation_key: 'k' });
    const de = article('de/a', { translation_key: 'k' });
    expect(translationsOf(en, [en, de, article('de/b')])).toEqual([de]);
    expect(translationsOf(article('en/c'), [en, de])).toEqual([]);
  });

  it('ranks related articles by shared error codes, tags and product, same language only', () => {
    const base = article('en/base', { error_codes: ['0x1'], tags: ['vpn'], product: 'network' });
    const code = article('en/code', { error_codes: ['0x1'], product: 'other' });
    const tag = article('en/tag', { tags: ['vpn'], product: 'other' });
    const product = article('en/product', { product: 'network' });
    const archived = article('en/archived', { error_codes: ['0x1'], state: 'archived' });
    const german = article('de/code', { error_codes: ['0x1'] });
    expect(relatedArticles(base, [base, product, tag, code, archived, german]).map((a) => a.id)).toEqual(['en/code', 'en/tag', 'en/product']);
  });

  it('sorts lists by level, then title in the language collation', () => {
    const list = [article('de/z', { title: 'Zertifikat', level: 1 }), article('de/a', { title: 'Ärger', level: 1 }), article('de/b', { title: 'B', level: 2 })];
    expect(sortForList(list, 'de').map((a) => a.data.title)).toEqual(['Ärger', 'Zertifikat', 'B']);
  });
});

describe('config', () => {
  it('defaults to the public site and rejects unknown audiences', () => {
    expect(buildAudience({})).toBe('public');
    expect(buildAudience({ KB_AUDIENCE: 'internal' })).toBe('internal');
    expect(() => buildAudience({ KB_AUDIENCE: 'staff' })).toThrowErrorMatchingInlineSnapshot(
      `[Error: KB_AUDIENCE must be "public" or "internal", got "staff"]`,
    );
  });

  it('lets the environment choose the content folder', () => {
    expect(resolveKbConfig({}, {}).contentDir).toBe('content');
    expect(resolveKbConfig({ repository: 'https://git.example/kb/' }, { KB_CONTENT_DIR: '/tmp/kb' })).toMatchObject({
      contentDir: '/tmp/kb',
      repository: 'https://git.example/kb',
      reviewEvery: 365,
    });
  });
});

describe('related articles', () => {
  it('keeps the best four by score, then title, out of many candidates with equal scores', () => {
    const base = article('en/base', { product: 'network', tags: ['vpn'] });
    const titles = ['Zeta', 'alpha', 'Beta', 'Ärger', 'delta', 'Gamma', 'epsilon', 'Eta'];
    const sameProduct = titles.map((title, i) => article(`en/p${i}`, { title, product: 'network' }));
    const sameTag = article('en/tag', { title: 'Zzz tag', product: 'other', tags: ['vpn'] });
    const related = relatedArticles(base, [...sameProduct, base, sameTag]);
    // tag (2 points) first; then the product-only ties (1 point) in the locale's title order
    expect(related.map((a) => a.data.title)).toEqual(['Zzz tag', 'alpha', 'Ärger', 'Beta']);
    expect(relatedArticles(base, sameProduct, 8).map((a) => a.data.title)).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
    expect(relatedArticles(base, sameProduct, 0)).toEqual([]);
  });
});

describe('article index', () => {
  it('gives the same translations and related articles as the plain helpers', async () => {
    const { createRelationIndex } = await import('../src/lib/articles.ts');
    const all = [
      article('en/a', { translation_key: 'k', tags: ['vpn'], product: 'network', error_codes: ['0x1'] }),
      article('de/a', { translation_key: 'k', tags: ['vpn'] }),
      article('en/b', { tags: ['vpn'], product: 'other' }),
      article('en/c', { error_codes: ['0x1'], product: 'other' }),
      article('en/d', { product: 'network' }),
      article('en/e', { product: 'unrelated' }),
    ];
    const index = createRelationIndex(all);
    for (const a of all) {
      expect(index.translationsOf(a)).toEqual(translationsOf(a, all));
      expect(index.relatedArticles(a)).toEqual(relatedArticles(a, all));
    }
  });

  it('agrees with the plain helper on a large mixed set, ties of score and title included', async () => {
    const { createRelationIndex } = await import('../src/lib/articles.ts');
    let seed = 7;
    const pick = <V>(list: readonly V[]) => {
      seed = (seed * 1664525 + 1013904223) >>> 0;
      return list[seed % list.length]!;
    };
    const all = Array.from({ length: 400 }, (_, i) =>
      article(`${pick(['en', 'de'])}/a${i}`, {
        // few titles, so many candidates tie on score and title
        title: pick(['Drucker', 'Drucker', 'drucker', 'Ärger', 'VPN', `T${i}`]),
        product: pick(['mail', 'network', 'printing']),
        tags: Array.from({ length: i % 4 }, () => pick(['vpn', 'dns', 'printer', 'backup', 'mail', 'update'])),
        error_codes: i % 5 === 0 ? [pick(['0x1', '0x2'])] : [],
        state: pick(['validated', 'validated', 'validated', 'archived']),
        translation_key: i % 7 === 0 ? `k${i % 21}` : undefined,
      }),
    );
    const index = createRelationIndex(all);
    for (const a of all)
      for (const limit of [4, 9]) expect(index.relatedArticles(a, limit).map((r) => r.id)).toEqual(relatedArticles(a, all, limit).map((r) => r.id));
  });
});
