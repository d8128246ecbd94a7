import { positionOfKey, type Position } from '../content/parse-article.ts';
import type { SourceArticle } from '../content/read-articles.ts';
import type { ArticleData } from '../schema/article.ts';

/** An article as stale providers see it: valid frontmatter, its body and where it lives. */
export interface StaleArticle {
  /** `<lang>/<slug>`. */
  id: string;
  /** Absolute file path. */
  file: string;
  /** Path relative to the project root, for reports. */
  path: string;
  data: ArticleData;
  body: string;
  /** Line of the file where the body starts, so body positions can be shown as file positions. */
  bodyStartLine: number;
  /** File position of a frontmatter value (`['title']`, `['versions', 1]`), when the file was read. */
  positionOf?: (keyPath: readonly (string | number)[]) => Position;
}

/** Splits read articles into the ones providers can check and the ones with invalid frontmatter. */
export function partitionArticles(read: readonly SourceArticle[]): { valid: StaleArticle[]; invalid: SourceArticle[] } {
  const valid: StaleArticle[] = [];
  const invalid: SourceArticle[] = [];
  for (const article of read) {
    if (article.data) {
      const { id, file, path, data } = article;
      const parsed = article.parsed;
      valid.push({ id, file, path, data, body: parsed.body, bodyStartLine: parsed.bodyStartLine, positionOf: (keyPath) => positionOfKey(parsed, keyPath) });
    } else invalid.push(article);
  }
  return { valid, invalid };
}
