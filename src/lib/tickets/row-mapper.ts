import { articleIdsInText } from '../article-id.ts';
import type { Lang } from '../levels.ts';
import { personNames, redact } from '../redact.ts';
import { parseDate } from './dates.ts';
import { levelOf, type LevelRule } from './level-rules.ts';
import { parseNumber, parsePriority } from './numbers.ts';
import { candidatesFor, compactHeader, type Preset } from './presets.ts';
import { FIELDS, type Field, type Ticket } from './types.ts';

/** A row that cannot become a ticket: the rule id and "Unexpected X, expected Y". */
export class RowError extends Error {
  readonly rule: string;
  constructor(rule: string, message: string) {
    super(message);
    this.rule = rule;
  }
}

export interface MapperOptions {
  preset: Preset;
  /** `field=Column` remaps from the command line; `id=@line` numbers rows instead. */
  map?: Record<string, string> | undefined;
  levelRules?: readonly LevelRule[] | undefined;
}

// Common German (first group) and English (second group) words, counted in one pass: no per-word
// strings on a hot path that sees a million tickets.
const COMMON =
  /(?<![a-zäöüß])(?:(der|die|das|und|nicht|ist|ich|mit|auf|bitte|kann|wird|keine|sich|ein|eine|für|seit)|(the|and|not|is|with|please|can|cannot|for|this|have|from|my|since|you))(?![a-zäöüß])/gi;

/** German or English, by counting common words; undefined when the text says too little. */
export function guessLang(text: string): Lang | undefined {
  const sample = text.slice(0, 600);
  let de = 0;
  let en = 0;
  COMMON.lastIndex = 0;
  for (let match = COMMON.exec(sample); match; match = COMMON.exec(sample)) {
    if (match[1]) de++;
    else en++;
  }
  if (de + en < 2) return /[äöüß]/i.test(sample) ? 'de' : undefined;
  return de > en ? 'de' : 'en';
}

/**
 * What a rejected cell looked like without repeating it (cells may hold personal data): letters
 * become `a`, digits `9`, the rest is kept, at most 40 characters ("32.13.2026" -> "99.99.9999").
 */
export function shapeOf(text: string): string {
  const shape = text
    .slice(0, 40)
    .replace(/\p{L}/gu, 'a')
    .replace(/\p{N}/gu, '9')
    .replace(/[\p{C}]/gu, ' ');
  return text.length > 40 ? `${shape}…` : shape;
}

/**
 * Maps the columns of one export to ticket fields once (from its header), then turns rows into
 * tickets. Repeated headers (`Labels,Labels` in Jira) are read as lists.
 */
export class RowMapper {
  readonly columns = new Map<Field, number[]>();
  readonly byLine: boolean;
  readonly headers: string[];
  private readonly options: MapperOptions;

  constructor(headers: string[], options: MapperOptions) {
    this.headers = headers;
    this.options = options;
    const names = headers.map(compactHeader);
    const overrides = Object.fromEntries(Object.entries(options.map ?? {}).map(([k, v]) => [k, v === '@line' ? v : compactHeader(v)]));
    this.byLine = overrides['id'] === '@line';
    for (const field of FIELDS) {
      if (field === 'people') {
        // every person column counts, and --map adds one rather than replacing the list
        const wanted = new Set([...candidatesFor(options.preset, field), ...(overrides[field] ? [overrides[field]] : [])]);
        const indexes = names.flatMap((name, index) => (wanted.has(name) ? [index] : []));
        if (indexes.length) this.columns.set(field, indexes);
        continue;
      }
      const wanted = overrides[field] !== undefined && overrides[field] !== '@line' ? [overrides[field]] : candidatesFor(options.preset, field);
      for (const candidate of wanted) {
        const indexes = names.flatMap((name, index) => (name === candidate ? [index] : []));
        if (indexes.length) {
          this.columns.set(field, indexes);
          break;
        }
      }
    }
    for (const [field, column] of Object.entries(overrides)) {
      if (column !== '@line' && !names.includes(column))
        throw new RowError('unknown-column', `Unexpected --map ${field}=${column}: no such column, expected one of ${headers.join(', ')}`);
    }
  }

  /** Which header each field is read from, and the headers no field is read from (for the report). */
  mapping(): { columns: Record<string, string>; unused: string[] } {
    const columns: Record<string, string> = {};
    const used = new Set<number>();
    for (const [field, indexes] of this.columns) {
      columns[field] = indexes.map((i) => this.headers[i]?.replace(/^\uFEFF/, '').trim() ?? '').join(' + ');
      for (const i of indexes) used.add(i);
    }
    if (this.byLine) columns['id'] = '@line';
    const unused = this.headers.flatMap((h, i) => (used.has(i) || !h.trim() ? [] : [h.trim()]));
    return { columns, unused };
  }

  /** The id column is required unless rows are numbered (`--map id=@line`). */
  get hasId(): boolean {
    return this.byLine || this.columns.has('id');
  }

  private values(row: readonly string[], field: Field): string[] {
    return (this.columns.get(field) ?? []).map((i) => (row[i] ?? '').trim()).filter(Boolean);
  }

  private value(row: readonly string[], field: Field): string | undefined {
    return this.values(row, field)[0];
  }

  private date(row: readonly string[], field: Field): Date | undefined {
    const text = this.value(row, field);
    if (text === undefined) return undefined;
    const date = parseDate(text, this.options.preset.slashDates);
    if (date === null)
      throw new RowError(
        'bad-date',
        `Unexpected ${field} date of the form "${shapeOf(text)}", expected a date such as 2026-11-22 14:03, 22.11.2026 14:03:00 or 12/Mar/24 9:41 AM`,
      );
    return date;
  }

  // queues and level cells repeat across rows: each distinct value is matched against the rules once
  private readonly levels = new Map<string, ReturnType<typeof levelOf>>();
  private level(value: string | undefined): ReturnType<typeof levelOf> {
    if (value === undefined) return undefined;
    if (!this.levels.has(value)) this.levels.set(value, levelOf(value, this.options.levelRules));
    return this.levels.get(value);
  }

  private count(row: readonly string[], field: Field): number {
    const text = this.value(row, field);
    if (text === undefined) return 0;
    const n = parseNumber(text) ?? 0;
    return Number.isFinite(n) && n >= 0 ? Math.round(n) : 0;
  }

  private number(row: readonly string[], field: Field): number | undefined {
    const text = this.value(row, field);
    const n = text === undefined ? undefined : parseNumber(text);
    return n !== undefined && Number.isFinite(n) && n >= 0 ? n : undefined;
  }

  toTicket(row: readonly string[], file: string, line: number): Ticket {
    if (row.length !== this.headers.length && !(row.length === 1 && row[0] === '')) {
      throw new RowError('ragged-row', `Unexpected ${row.length} fields, expected ${this.headers.length} as in the header`);
    }
    const id = this.byLine ? `${file.split('/').pop()}:${line}` : this.value(row, 'id');
    if (!id) throw new RowError('missing-id', `Unexpected empty ${this.headers[this.columns.get('id')?.[0] ?? 0] ?? 'id'} cell, expected a ticket id`);
    // redacted here, so that no consumer ever sees the personal data of a ticket's text
    const people = this.columns.has('people') ? personNames(this.values(row, 'people')) : undefined;
    const title = redact(this.value(row, 'title') ?? '', people);
    const body = redact([...this.values(row, 'body'), ...this.values(row, 'comments'), ...this.values(row, 'resolution')].join('\n'), people);
    const product = this.value(row, 'product');
    const topic = this.value(row, 'topic');
    const group = this.value(row, 'group');
    const text = `${title}\n${body}`;
    const explicitLang = this.value(row, 'lang')?.toLowerCase().slice(0, 2);
    return {
      id: id.replace(/\.0$/, ''),
      file,
      line,
      title,
      body,
      opened: this.date(row, 'opened'),
      resolved: this.date(row, 'resolved'),
      status: this.value(row, 'status'),
      group,
      level: this.level(this.value(row, 'level')) ?? this.level(group),
      product: product === undefined ? undefined : redact(product, people),
      priority: ((p) => (p === undefined ? undefined : parsePriority(p, this.options.preset.priorityRises)))(this.value(row, 'priority')),
      hours: this.number(row, 'hours'),
      escalations: this.count(row, 'escalations'),
      reopened: this.count(row, 'reopened'),
      articles: [...this.values(row, 'articles'), ...articleIdsInText(text)],
      knowledge: ((k) => (k === undefined ? undefined : /^(true|1|yes|ja)$/i.test(k)))(this.value(row, 'knowledge')),
      tags: this.values(row, 'tags')
        .flatMap((t) => t.split(/[,;]\s*/))
        .filter(Boolean),
      topic: topic === undefined ? undefined : redact(topic, people),
      lang: explicitLang === 'de' || explicitLang === 'en' ? explicitLang : guessLang(text),
    };
  }
}
