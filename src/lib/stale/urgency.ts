import type { StaleEntry } from './run.ts';
import type { StaleReason } from './reason.ts';

/**
 * How soon an owner must act, most urgent first:
 * 0 `now`: the article describes software past its end of support, or readers and tickets say it
 *   fails (unhelpful, escalations, reopened tickets);
 * 1 `overdue`: other errors (review overdue, broken link), ordered by days overdue × use;
 * 2 `soon`: warnings; 3 `due`: due within 30 days (info).
 */
export const URGENCY = ['now', 'overdue', 'soon', 'due'] as const;
export type Urgency = (typeof URGENCY)[number];

const NOW = new Set(['product-eol', 'mentions-eol', 'unhelpful', 'ticket-escalations', 'ticket-reopened']);

/** One row of the owner's to-do list. */
export interface ActionRow {
  entry: StaleEntry;
  urgency: Urgency;
  /** Sort weight inside the urgency tier (bigger first): days overdue × use. */
  weight: number;
  /** The reason to show first. */
  top: StaleReason;
  /** Other language versions (same translation_key) listed right after this row. */
  pairOf?: string | undefined;
}

function urgencyOf(reason: StaleReason): Urgency {
  if (NOW.has(reason.code) && reason.severity !== 'info') return 'now';
  if (reason.severity === 'error') return 'overdue';
  if (reason.severity === 'warning') return 'soon';
  return 'due';
}

/** Days overdue × use: use is the tickets or votes a reason counted, else 1. */
function weightOf(entry: StaleEntry): number {
  let days = 1;
  let use = 1;
  for (const reason of entry.reasons) {
    const d = reason.details ?? {};
    if (typeof d['overdueDays'] === 'number') days = Math.max(days, d['overdueDays']);
    for (const key of ['tickets', 'votes', 'count', 'escalated', 'reopened']) if (typeof d[key] === 'number') use = Math.max(use, d[key]);
  }
  return days * use;
}

/**
 * The health page's list: every stale article once, most urgent first, each translation right
 * after the most urgent version of its pair (`translationKeys` maps id -> translation_key).
 */
export function actionList(entries: readonly StaleEntry[], translationKeys: ReadonlyMap<string, string | undefined>): ActionRow[] {
  const rows = entries.map((entry): ActionRow => {
    const top = [...entry.reasons].sort((a, b) => URGENCY.indexOf(urgencyOf(a)) - URGENCY.indexOf(urgencyOf(b)))[0]!;
    return { entry, urgency: urgencyOf(top), weight: weightOf(entry), top };
  });
  rows.sort((a, b) => URGENCY.indexOf(a.urgency) - URGENCY.indexOf(b.urgency) || b.weight - a.weight || a.entry.id.localeCompare(b.entry.id));
  const out: ActionRow[] = [];
  const placed = new Set<string>();
  for (const row of rows) {
    if (placed.has(row.entry.id)) continue;
    out.push(row);
    placed.add(row.entry.id);
    const key = translationKeys.get(row.entry.id);
    if (!key) continue;
    for (const other of rows) {
      if (placed.has(other.entry.id) || translationKeys.get(other.entry.id) !== key) continue;
      out.push({ ...other, pairOf: row.entry.id });
      placed.add(other.entry.id);
    }
  }
  return out;
}

/** Rows due in the next `days` days: reviews due (info) and lifecycle ends that come soon. */
export function dueSoon(rows: readonly ActionRow[]): ActionRow[] {
  return rows.filter((r) => r.entry.reasons.some((x) => x.code === 'review-due'));
}

const CSV_COLUMNS = ['urgency', 'id', 'path', 'title', 'lang', 'level', 'owner', 'product', 'reasons', 'edit'] as const;

/** The list as CSV (RFC 4180 quoting), one row per article. */
export function actionCsv(rows: readonly ActionRow[], editUrl: (path: string) => string): string {
  const quote = (value: string | number) => {
    const text = String(value);
    // a leading = + - @ would run as a formula in a spreadsheet; owner handles (@team) are text
    const safe = /^[=+\-\t\r]/.test(text) || (/^@/.test(text) && !/^@[\w./-]+$/.test(text)) ? `'${text}` : text;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [CSV_COLUMNS.join(',')];
  for (const { entry, urgency } of rows) {
    const reasons = entry.reasons.map((r) => `${r.code}: ${r.message}`).join(' | ');
    lines.push(
      [urgency, entry.id, entry.path, entry.title, entry.lang, entry.level, entry.owner, entry.product, reasons, editUrl(entry.path)].map(quote).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The list as JSON: the kb stale contract (id, path, reasons) plus urgency and the edit link. */
export function actionJson(rows: readonly ActionRow[], editUrl: (path: string) => string, today: string): string {
  return JSON.stringify({ today, articles: rows.map(({ entry, urgency }) => ({ urgency, ...entry, edit: editUrl(entry.path) })) }, null, 2);
}
