import type { SourceArticle } from '../content/read-articles.ts';
import type { ArticleData } from '../schema/article.ts';
import { canonicalErrorCode } from '../error-codes.ts';
import { termCounts, terms } from './text.ts';

export interface IndexedArticle {
  id: string;
  data: ArticleData;
  length: number;
}

/** One term's articles and how often each holds the term. */
interface Posting {
  docs: Int32Array;
  tfs: Int32Array;
}

/**
 * A match index as plain data, for a worker thread: three typed arrays copy in milliseconds,
 * where reading and stemming 5,000 articles again costs each thread seconds.
 */
export interface SharedMatchIndex {
  articles: IndexedArticle[];
  terms: string[];
  /** Where each term's postings start in `docs` and `tfs` (one more entry than `terms`). */
  offsets: Int32Array;
  docs: Int32Array;
  tfs: Int32Array;
  byTicket: Map<string, number>;
  byErrorCode: Map<string, number[]>;
  averageLength: number;
}

/**
 * The articles as ticket matching needs them (not the site's relation index, not stale's link
 * targets): BM25 over the articles (title counted three times, summary twice, then the body), plus lookups
 * for explicit links: ticket ids in `tickets:` and error codes.
 */
export class MatchIndex {
  readonly articles: IndexedArticle[] = [];
  private readonly postings = new Map<string, Posting>();
  private averageLength = 0;
  readonly byTicket = new Map<string, number>();
  readonly byErrorCode = new Map<string, number[]>();
  readonly byId = new Map<string, number>();

  constructor(sources: readonly SourceArticle[]) {
    const lists = new Map<string, { docs: number[]; tfs: number[] }>();
    for (const source of sources) {
      const data = source.data;
      if (!data || data.state === 'draft') continue;
      const doc = this.articles.length;
      const words = terms(`${data.title} ${data.title} ${data.title} ${data.summary} ${data.summary} ${source.parsed.body}`, data.lang, 'article');
      this.articles.push({ id: source.id, data, length: words.length });
      this.byId.set(source.id, doc);
      for (const [term, tf] of termCounts(words)) {
        let list = lists.get(term);
        if (!list) lists.set(term, (list = { docs: [], tfs: [] }));
        list.docs.push(doc);
        list.tfs.push(tf);
      }
      for (const ticket of data.tickets) this.byTicket.set(ticket, doc);
      for (const code of data.error_codes) {
        const key = canonicalErrorCode(code);
        this.byErrorCode.set(key, [...(this.byErrorCode.get(key) ?? []), doc]);
      }
    }
    for (const [term, { docs, tfs }] of lists) this.postings.set(term, { docs: Int32Array.from(docs), tfs: Int32Array.from(tfs) });
    this.averageLength = this.articles.reduce((sum, a) => sum + a.length, 0) / Math.max(1, this.articles.length);
  }

  /** This index as plain data for `fromShared` on another thread. */
  toShared(): SharedMatchIndex {
    const names = [...this.postings.keys()];
    const offsets = new Int32Array(names.length + 1);
    names.forEach((term, i) => (offsets[i + 1] = (offsets[i] as number) + (this.postings.get(term) as Posting).docs.length));
    const docs = new Int32Array(offsets[names.length] as number);
    const tfs = new Int32Array(docs.length);
    names.forEach((term, i) => {
      const posting = this.postings.get(term) as Posting;
      docs.set(posting.docs, offsets[i]);
      tfs.set(posting.tfs, offsets[i]);
    });
    return {
      articles: this.articles,
      terms: names,
      offsets,
      docs,
      tfs,
      byTicket: this.byTicket,
      byErrorCode: this.byErrorCode,
      averageLength: this.averageLength,
    };
  }

  /** The index another thread built (see `toShared`), without reading the articles again. */
  static fromShared(shared: SharedMatchIndex): MatchIndex {
    const index = new MatchIndex([]);
    index.articles.push(...shared.articles);
    shared.articles.forEach((article, doc) => index.byId.set(article.id, doc));
    shared.terms.forEach((term, i) => {
      const [from, to] = [shared.offsets[i] as number, shared.offsets[i + 1] as number];
      index.postings.set(term, { docs: shared.docs.subarray(from, to), tfs: shared.tfs.subarray(from, to) });
    });
    for (const [ticket, doc] of shared.byTicket) index.byTicket.set(ticket, doc);
    for (const [code, docs] of shared.byErrorCode) index.byErrorCode.set(code, docs);
    index.averageLength = shared.averageLength;
    return index;
  }

  private scores = new Float64Array(0);
  private hits = new Float64Array(0);
  private readonly cache = new Map<string, { doc: number; confidence: number } | undefined>();

  /**
   * The best article (BM25) for a query of a ticket's main terms, and a confidence in [0, 1]:
   * the share of those terms the article contains, each term counting `weightOf(term)` (1 when
   * not given). Scores live in typed arrays reused across queries, and unweighted answers are
   * cached: exports repeat the same subjects (alerts, forms) often.
   */
  search(query: readonly string[], weightOf?: (term: string) => number): { doc: number; confidence: number } | undefined {
    const distinct = [...new Set(query)];
    const key = weightOf ? '' : [...distinct].sort().join(' ');
    if (!weightOf && this.cache.has(key)) return this.cache.get(key);
    const n = this.articles.length;
    if (this.scores.length !== n) {
      this.scores = new Float64Array(n);
      this.hits = new Float64Array(n);
    }
    const touched: number[] = [];
    let total = 0;
    for (const term of distinct) {
      const weight = weightOf ? weightOf(term) : 1;
      total += weight;
      const list = this.postings.get(term);
      // terms in more than a quarter of the articles say little about which one fits
      if (!list || list.docs.length > Math.max(2, n / 4)) continue;
      const { docs, tfs } = list;
      const idf = Math.log(1 + (n - docs.length + 0.5) / (docs.length + 0.5));
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] as number;
        const tf = tfs[i] as number;
        const length = this.articles[doc]?.length ?? 0;
        if (this.scores[doc] === 0) touched.push(doc);
        this.scores[doc] = (this.scores[doc] ?? 0) + (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * length) / this.averageLength));
        this.hits[doc] = (this.hits[doc] ?? 0) + weight;
      }
    }
    let best = -1;
    let bestScore = 0;
    for (const doc of touched) {
      const score = this.scores[doc] ?? 0;
      if (score > bestScore || (score === bestScore && doc < best)) [best, bestScore] = [doc, score];
    }
    const result = best < 0 ? undefined : { doc: best, confidence: total > 0 ? (this.hits[best] ?? 0) / total : 0 };
    for (const doc of touched) {
      this.scores[doc] = 0;
      this.hits[doc] = 0;
    }
    if (weightOf) return result;
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }
}
