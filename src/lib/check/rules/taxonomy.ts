import { positionOfKey } from '../../content/parse-article.ts';
import { closest } from '../../suggest.ts';
import type { Rule } from '../types.ts';

function didYouMean(candidate: string | undefined): string {
  return candidate ? ` (did you mean \`${candidate}\`?)` : '';
}

export const unknownProduct: Rule = {
  id: 'unknown-product',
  severity: 'error',
  description: 'The product must be listed in content/taxonomy.yaml.',
  check({ articles, taxonomy }, report) {
    if (!taxonomy) return;
    const ids = taxonomy.products.map((p) => p.id);
    for (const article of articles) {
      const product = article.data?.product;
      if (!product || ids.includes(product)) continue;
      report(
        article,
        positionOfKey(article.parsed, ['product']),
        `Unexpected product \`${product}\`${didYouMean(closest(product, ids))}, expected one of ${ids.map((i) => `\`${i}\``).join(', ')}`,
        'Add the product to content/taxonomy.yaml (with names and owners) if it is new.',
      );
    }
  },
};

export const unknownTag: Rule = {
  id: 'unknown-tag',
  severity: 'error',
  description: 'Tags must be listed in content/taxonomy.yaml.',
  check({ articles, taxonomy }, report) {
    if (!taxonomy) return;
    const ids = taxonomy.tags.map((t) => t.id);
    for (const article of articles) {
      article.data?.tags.forEach((tag, index) => {
        if (ids.includes(tag)) return;
        report(
          article,
          positionOfKey(article.parsed, ['tags', index]),
          `Unexpected tag \`${tag}\`${didYouMean(closest(tag, ids))}, expected a tag from content/taxonomy.yaml`,
          'Use an existing tag, or add the new one with its English and German name to content/taxonomy.yaml.',
        );
      });
    }
  },
};

export const unknownVersion: Rule = {
  id: 'unknown-version',
  severity: 'warning',
  description: 'Product versions should be listed under the product in content/taxonomy.yaml (end-of-life checks need them).',
  check({ articles, taxonomy }, report) {
    if (!taxonomy) return;
    for (const article of articles) {
      const product = taxonomy.products.find((p) => p.id === article.data?.product);
      if (!product) continue;
      const names = product.versions.map((v) => v.name);
      article.data?.versions.forEach((version, index) => {
        if (names.includes(version)) return;
        report(
          article,
          positionOfKey(article.parsed, ['versions', index]),
          `Unexpected version \`${version}\` of \`${product.id}\`${didYouMean(closest(version, names))}, expected ${names.length ? names.map((n) => `\`${n}\``).join(', ') : 'a version listed in the taxonomy'}`,
          'List the version (with its end-of-life date) under the product in content/taxonomy.yaml.',
        );
      });
    }
  },
};
