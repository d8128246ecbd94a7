import type { Lang, Level } from '../levels.ts';

/**
 * One ticket as every export format is normalised to. Its text is redacted as it is read
 * (src/lib/redact.ts): e-mail, phone, IBAN, addresses, secrets and the names of its people.
 */
export interface Ticket {
  /** The export's ticket id (`INC0012345`, `SUP-123`), or `<file>:<line>` when mapped to `@line`. */
  id: string;
  /** Export file the ticket came from (as given on the command line). */
  file: string;
  /** 1-based line (CSV, NDJSON) or record number (JSON array) where the ticket starts. */
  line: number;
  title: string;
  /** Description, comments and resolution notes joined, redacted. */
  body: string;
  opened?: Date | undefined;
  resolved?: Date | undefined;
  status?: string | undefined;
  /** Queue or assignment group that resolved (or last held) the ticket. */
  group?: string | undefined;
  /** Level that resolved the ticket, from a level column or the group via level patterns. */
  level?: Level | undefined;
  product?: string | undefined;
  /** Urgency on a scale of 1 (very low) to 5 (very high), 3 normal, from a priority column. */
  priority?: number | undefined;
  /** Time to resolve in hours, from a column that says so (else resolved − opened is used). */
  hours?: number | undefined;
  /** Handovers to other groups (ServiceNow `reassignment_count`); 0 when unknown. */
  escalations: number;
  /** Times the ticket was reopened; 0 when unknown. */
  reopened: number;
  /** Article ids or URLs named by the ticket (a KB field, or links in the text). */
  articles: string[];
  /** The export says a knowledge article was used (ServiceNow `knowledge`). */
  knowledge?: boolean | undefined;
  /** Labels or tags; repeated columns (`Labels,Labels` in Jira) are joined into this list. */
  tags: string[];
  /** A category or topic label the export carries (used to evaluate clustering, never required). */
  topic?: string | undefined;
  lang?: Lang | undefined;
}

/** A row that could not become a ticket, with where and why. */
export interface Rejection {
  file: string;
  /** 1-based line (CSV, NDJSON) or record number (JSON array). */
  line: number;
  /** Stable rule id, e.g. `ragged-row`, `missing-id`, `duplicate-id`, `bad-date`. */
  rule: string;
  /** "Unexpected X, expected Y". */
  reason: string;
}

/** A problem with a whole file (empty, binary, unreadable). Its rows, if any, are counted as rejections. */
export interface FileProblem {
  file: string;
  line: number;
  rule: string;
  reason: string;
}

/** Every row is accounted for: `read === accepted + rejected`. */
export interface ReadStats {
  read: number;
  accepted: number;
  rejected: number;
  /** Distinct tickets after grouping rows of event logs and comment exports. */
  tickets: number;
  rejections: Rejection[];
  /** How many rejections exist in total (the list above is capped). */
  rejectionsTotal: number;
  /** Rejections counted by rule id (`cell-too-large`, `too-deep`, `bad-date`, ...), all of them. */
  rejectionsByRule: Record<string, number>;
  problems: FileProblem[];
  /** Per file: detected encoding, format, delimiter and preset, for the report. */
  files: FileInfo[];
}

export interface FileInfo {
  file: string;
  encoding: string;
  format: 'csv' | 'json' | 'ndjson' | 'none';
  delimiter?: string | undefined;
  preset: string;
  /** Which column each ticket field was read from (`title: Betreff`), for the user to check. */
  columns?: Record<string, string> | undefined;
  /** Columns that no field was read from. */
  unused?: string[] | undefined;
  /** Threads that read parts of a large CSV export at once; absent when one thread read it. */
  threads?: number | undefined;
  read: number;
  accepted: number;
  rejected: number;
}

/** The canonical ticket fields a column can be mapped to. */
export const FIELDS = [
  'id',
  'title',
  'body',
  'comments',
  'resolution',
  'opened',
  'resolved',
  'status',
  'group',
  'level',
  'priority',
  'hours',
  'product',
  'escalations',
  'reopened',
  'articles',
  'knowledge',
  'topic',
  'lang',
  'tags',
  // person columns (requester, caller, assignee...): never a ticket field, only redacted from its text
  'people',
] as const;
export type Field = (typeof FIELDS)[number];

/** The fields that hold what a ticket says: matching by words and clustering into gaps read them. */
export const TEXT_FIELDS: readonly Field[] = ['title', 'body', 'comments', 'resolution'];
