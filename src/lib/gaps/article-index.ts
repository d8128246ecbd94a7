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
 * BM25 over the articles (title counted three times, summary twice, then the body), plus lookups
 * for explicit links: ticket ids in `tickets:` and error codes.
 */
export class ArticleIndex {
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
      const words = terms(`${data.title} ${data.title} ${data.title} ${data.summary} ${data.summary} ${source.parsed.body}`, data.lang);
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

  /**
   * The best article (BM25) for a query of a ticket's main terms, and a confidence in [0, 1]:
   * the share of those terms the article contains.
   */
  search(query: readonly string[]): { doc: number; confidence: number } | undefined {
    const scores = new Map<number, number>();
    const n = this.articles.length;
    const distinct = new Set(query);
    const covered = new Map<number, number>();
    for (const term of distinct) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        const length = this.articles[doc]?.length ?? 0;
        const score = (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * length) / this.averageLength));
        scores.set(doc, (scores.get(doc) ?? 0) + score);
        covered.set(doc, (covered.get(doc) ?? 0) + 1);
      }
    }
    let best: number | undefined;
    let bestScore = 0;
    for (const [doc, score] of scores) {
      if (score > bestScore) {
        best = doc;
        bestScore = score;
      }
    }
    if (best === undefined) return undefined;
    return { doc: best, confidence: (covered.get(best) ?? 0) / distinct.size };
  }
}
