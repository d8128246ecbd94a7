import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { DemandEvent } from './event.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  id      INTEGER PRIMARY KEY,
  at      TEXT    NOT NULL,
  type    TEXT    NOT NULL CHECK (type IN ('helpful', 'search', 'contact')),
  site    TEXT    NOT NULL,
  lang    TEXT    NOT NULL,
  article TEXT,
  helpful INTEGER,
  query   TEXT,
  results INTEGER,
  clicked INTEGER
);
CREATE INDEX IF NOT EXISTS events_at ON events (at);
`;

interface Row {
  at: string;
  type: DemandEvent['type'];
  site: DemandEvent['site'];
  lang: DemandEvent['lang'];
  article: string | null;
  helpful: number | null;
  query: string | null;
  results: number | null;
  clicked: number | null;
}

/**
 * The events database. WAL mode with one transaction per batch: a batch is acknowledged only
 * after its COMMIT, so an event the collector answered 204 for survives a crash or restart.
 * The table holds what the site sent and the time, nothing about the client.
 */
export class EventStore {
  readonly file: string;
  private readonly db: DatabaseSync;
  private readonly insertStmt: StatementSync;

  constructor(file: string) {
    this.file = file;
    try {
      this.db = new DatabaseSync(file);
      this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
      this.db.exec(SCHEMA);
    } catch (error) {
      throw new Error(`Cannot open the events database ${file}: ${(error as Error).message}`, { cause: error });
    }
    this.insertStmt = this.db.prepare(
      'INSERT INTO events (at, type, site, lang, article, helpful, query, results, clicked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
  }

  /** Writes the events in one transaction; all or nothing. */
  insert(events: readonly DemandEvent[]): void {
    if (!events.length) return;
    this.db.exec('BEGIN');
    try {
      for (const e of events) {
        this.insertStmt.run(
          e.at,
          e.type,
          e.site,
          e.lang,
          'article' in e && e.article !== undefined ? e.article : null,
          e.type === 'helpful' ? (e.helpful ? 1 : 0) : null,
          'query' in e && e.query !== undefined ? e.query : null,
          e.type === 'search' ? e.results : null,
          e.type === 'search' ? (e.clicked ? 1 : 0) : null,
        );
      }
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  count(): number {
    return Number((this.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n);
  }

  /** Every event in the order received, read lazily (an export of millions stays small in memory). */
  *events(): Generator<DemandEvent> {
    const rows = this.db.prepare('SELECT at, type, site, lang, article, helpful, query, results, clicked FROM events ORDER BY id').iterate();
    for (const row of rows as Iterable<Row>) yield toEvent(row);
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}

function toEvent(row: Row): DemandEvent {
  const base = { at: row.at, site: row.site, lang: row.lang };
  switch (row.type) {
    case 'helpful':
      return { type: 'helpful', ...base, article: row.article ?? '', helpful: row.helpful === 1 };
    case 'search':
      return { type: 'search', ...base, query: row.query ?? '', results: row.results ?? 0, clicked: row.clicked === 1 };
    case 'contact':
      return {
        type: 'contact',
        ...base,
        ...(row.article !== null ? { article: row.article } : {}),
        ...(row.query !== null ? { query: row.query } : {}),
      };
  }
}
