import type { SourceArticle } from '../content/read-articles.ts';
import type { ArticleData } from '../schema/article.ts';
import { canonicalErrorCode } from '../error-codes.ts';
import { termCounts, terms } from './text.ts';

export interface IndexedArticle {
  id: string;
  data: ArticleData;
  length: number;
}

/**
 * The articles as ticket matching needs them (not the site's relation index, not stale's link
 * targets): BM25 over the articles (title counted three times, summary twice, then the body), plus lookups
 * for explicit links: ticket ids in `tickets:` and error codes.
 */
export class MatchIndex {
  readonly articles: IndexedArticle[] = [];
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();
  private averageLength = 0;
  readonly byTicket = new Map<string, number>();
  readonly byErrorCode = new Map<string, number[]>();
  readonly byId = new Map<string, number>();

  constructor(sources: readonly SourceArticle[]) {
    for (const source of sources) {
      const data = source.data;
      if (!data || data.state === 'draft') continue;
      const doc = this.articles.length;
      const words = terms(`${data.title} ${data.title} ${data.title} ${data.summary} ${data.summary} ${source.parsed.body}`, data.lang, 'article');
      this.articles.push({ id: source.id, data, length: words.length });
      this.byId.set(source.id, doc);
      for (const [term, tf] of termCounts(words)) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push({ doc, tf });
      }
      for (const ticket of data.tickets) this.byTicket.set(ticket, doc);
      for (const code of data.error_codes) {
        const key = canonicalErrorCode(code);
        this.byErrorCode.set(key, [...(this.byErrorCode.get(key) ?? []), doc]);
      }
    }
    this.averageLength = this.articles.reduce((sum, a) => sum + a.length, 0) / Math.max(1, this.articles.length);
  }

  private scores = new Float64Array(0);
  private hits = new Uint16Array(0);
  private readonly cache = new Map<string, { doc: number; confidence: number } | undefined>();

  /**
   * The best article (BM25) for a query of a ticket's main terms, and a confidence in [0, 1]:
   * the share of those terms the article contains. Scores live in typed arrays reused across
   * queries, and answers are cached: exports repeat the same subjects (alerts, forms) often.
   */
  search(query: readonly string[]): { doc: number; confidence: number } | undefined {
    const distinct = [...new Set(query)];
    const key = [...distinct].sort().join(" ");
    if (this.cache.has(key)) return this.cache.get(key);
    const n = this.articles.length;
    if (this.scores.length !== n) {
      this.scores = new Float64Array(n);
      this.hits = new Uint16Array(n);
    }
    const touched: number[] = [];
    for (const term of distinct) {
      const list = this.postings.get(term);
      // terms in more than a quarter of the articles say little about which one fits
      if (!list || list.length > Math.max(2, n / 4)) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        const length = this.articles[doc]?.length ?? 0;
        if (this.hits[doc] === 0) touched.push(doc);
        this.scores[doc] = (this.scores[doc] ?? 0) + (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * length) / this.averageLength));
        this.hits[doc] = (this.hits[doc] ?? 0) + 1;
      }
    }
    let best = -1;
    let bestScore = 0;
    for (const doc of touched) {
      const score = this.scores[doc] ?? 0;
      if (score > bestScore || (score === bestScore && doc < best)) [best, bestScore] = [doc, score];
    }
    const result = best < 0 ? undefined : { doc: best, confidence: (this.hits[best] ?? 0) / distinct.length };
    for (const doc of touched) {
      this.scores[doc] = 0;
      this.hits[doc] = 0;
    }
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }
}
