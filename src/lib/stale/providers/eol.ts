import { findProduct } from '../../content/taxonomy.ts';
import type { Taxonomy } from '../../schema/taxonomy.ts';
import type { StaleArticle } from '../article.ts';
import { daysBetween, isoDay } from '../../dates.ts';
import type { StaleProvider, StaleReason } from '../reason.ts';

/**
 * `product-eol`: a version named in `versions:` whose `eol` in taxonomy.yaml lies before today.
 * An error when every listed version is past its end of life (the article describes only
 * unsupported software), a warning when some supported version remains.
 * Unknown products or versions are `kb check`'s business and are ignored here.
 */
export function eolProvider(taxonomy: Taxonomy): StaleProvider<StaleArticle> {
  return ({ articles, today }) => {
    const result = new Map<string, StaleReason[]>();
    for (const article of articles) {
      const versions = findProduct(taxonomy, article.data.product)?.versions ?? [];
      const named = article.data.versions;
      const ended = named.flatMap((name) => {
        const eol = versions.find((v) => v.name === name)?.eol;
        return eol && daysBetween(eol, today) > 0 ? [{ name, eol }] : [];
      });
      if (!ended.length) continue;
      const severity = ended.length === named.length ? 'error' : 'warning';
      result.set(
        article.id,
        ended.map(({ name, eol }) => ({
          code: 'product-eol',
          message: `Applies to ${name}, which reached end of life on ${isoDay(eol)}${severity === 'error' ? '' : ' (other listed versions are still supported)'}.`,
          severity,
          details: { product: article.data.product, version: name, eol: isoDay(eol) },
        })),
      );
    }
    return result;
  };
}
