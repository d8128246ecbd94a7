import { judgeVersion } from '../../lifecycle/judge.ts';
import { EMPTY_LIFECYCLE, type Lifecycle } from '../../lifecycle/read.ts';
import type { Taxonomy } from '../../schema/taxonomy.ts';
import type { StaleArticle } from '../article.ts';
import { isoDay } from '../../dates.ts';
import type { StaleProvider, StaleReason } from '../reason.ts';
import { staleReason } from '../reason-text.ts';

/**
 * `product-eol`: a version named in `versions:` whose support has ended: by its `eol` in
 * taxonomy.yaml, else by the lifecycle data (content/lifecycle/). An error when every listed
 * version the data knows has ended (the article describes only unsupported software); `info` when
 * a supported one remains (drop the old one from the list; the article itself still serves).
 * Versions nobody knows are ignored here (`kb lifecycle check` and `kb check` list them).
 */
export function eolProvider(taxonomy: Taxonomy, lifecycle: Lifecycle = EMPTY_LIFECYCLE): StaleProvider<StaleArticle> {
  return ({ articles, today }) => {
    const result = new Map<string, StaleReason[]>();
    for (const article of articles) {
      const judged = article.data.versions.flatMap((name, index) => {
        const version = judgeVersion(name, article.data.product, taxonomy, lifecycle, today);
        return version ? [{ ...version, index }] : [];
      });
      const ended = judged.filter((v) => v.ended);
      if (!ended.length) continue;
      const severity = ended.length === judged.length ? 'error' : 'info';
      result.set(
        article.id,
        ended.map((version) => {
          const at = article.positionOf?.(['versions', version.index]);
          return staleReason('product-eol', severity, {
            product: version.product,
            version: version.text,
            eol: version.eol instanceof Date ? isoDay(version.eol) : version.eol,
            source: version.source,
            othersSupported: severity !== 'error',
            path: article.path,
            ...(at && { line: at.line, column: at.column }),
            ...(version.link && { link: version.link }),
          });
        }),
      );
    }
    return result;
  };
}
