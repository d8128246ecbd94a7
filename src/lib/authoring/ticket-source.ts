import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { redact } from '../tickets/redact.ts';

/** The parts of a ticket an article draft starts from, redacted. */
export interface TicketDraft {
  id: string;
  title: string;
  text: string;
  environment: string;
}

const ID = ['id', 'number', 'ticket', 'ticket id', 'ticket-id', 'ticketnummer', 'key', 'issue key', 'ticket_id'];
const TITLE = ['title', 'subject', 'summary', 'short_description', 'short description', 'titel', 'betreff'];
const TEXT = ['description', 'body', 'text', 'comments', 'beschreibung', 'details'];
const ENVIRONMENT = ['environment', 'product', 'category', 'configuration item', 'cmdb_ci', 'service', 'umgebung', 'kategorie'];

function pick(row: Record<string, unknown>, names: string[]): string {
  for (const [key, value] of Object.entries(row)) {
    if (names.includes(key.trim().toLowerCase()) && value !== undefined && value !== null && String(value).trim()) return String(value).trim();
  }
  return '';
}

/**
 * Finds one ticket in a CSV (comma, semicolon or tab) or JSON export by its id. A small reader
 * of its own: `kb new` needs one row, not the streaming, preset-aware reader of `kb gaps`.
 */
export async function readTicket(file: string, id: string): Promise<TicketDraft> {
  const raw = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  let rows: Record<string, unknown>[];
  if (/^\s*[[{]/.test(raw)) {
    const json = JSON.parse(raw) as unknown;
    const list = Array.isArray(json) ? json : ((json as Record<string, unknown>)['tickets'] ?? (json as Record<string, unknown>)['records'] ?? [json]);
    rows = list as Record<string, unknown>[];
  } else {
    const header = raw.slice(0, raw.indexOf('\n'));
    const delimiter = [';', '\t', ','].sort((a, b) => header.split(b).length - header.split(a).length)[0] ?? ',';
    rows = parse(raw, { columns: true, delimiter, skip_empty_lines: true, relax_column_count: true, bom: true }) as Record<string, unknown>[];
  }
  const row = rows.find((r) => pick(r, ID) === id);
  if (!row) throw new Error(`Ticket ${id} not found in ${file} (looked in the columns ${ID.join(', ')})`);
  return {
    id,
    title: redact(pick(row, TITLE)),
    text: redact(pick(row, TEXT)),
    environment: redact(pick(row, ENVIRONMENT)),
  };
}
