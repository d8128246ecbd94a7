import { LineCounter, parseDocument, isMap, isPair, isScalar, type Node } from 'yaml';
import { slugify } from '../slug.ts';
import { parseDay } from '../dates.ts';
import { closestKey } from '../suggest.ts';
import { fieldTargets, type Mapping } from './mapping.ts';
import type { IssuePlace, IssueSink } from './issues.ts';

/** A source frontmatter entry: its value and where its key is. */
export interface SourceField {
  value: unknown;
  place: IssuePlace;
}

/** Counts of keys dropped on purpose by `ignore:`, for the report summary. */
export type IgnoredCounts = Map<string, number>;

/**
 * Reads a YAML frontmatter block into key -> { value, place }. `firstLine` is the file line of
 * the first YAML line, so places point into the source file. YAML errors are reported, not thrown.
 */
export function readSourceFields(yamlText: string, firstLine: number, sink: IssueSink): Map<string, SourceField> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: false });
  const fields = new Map<string, SourceField>();
  const placeAt = (offset: number): IssuePlace => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  for (const error of doc.errors) {
    sink.add(
      'frontmatter-yaml',
      `Unexpected YAML: ${error.message.split('\n')[0]}`,
      placeAt(error.pos[0]),
      'warning',
      'Fix the YAML in the source; the keys that could be read were used.',
    );
  }
  if (!isMap(doc.contents)) return fields;
  for (const item of doc.contents.items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    const key = String(item.key.value).trim();
    const value = item.value === null ? null : ((item.value as Node).toJSON?.() ?? null);
    fields.set(key, { value: value, place: placeAt((item.key as Node).range?.[0] ?? 0) });
  }
  return fields;
}

/** Our frontmatter as plain data, before schema validation. */
export type TargetData = Record<string, unknown>;

const LIST_FIELDS = new Set(['tags', 'versions', 'error_codes', 'tickets']);
const ONE_OF_LIST_FIELDS = new Set(['product', 'owner', 'level', 'audience', 'state', 'lang', 'title', 'summary']);

/**
 * Maps source frontmatter to ours: known keys by `fields`, typos by fuzzy match (reported),
 * unknown keys reported as dropped, value rules applied, then `defaults` for what is missing.
 */
export function mapFrontmatter(source: Map<string, SourceField>, mapping: Mapping, sink: IssueSink, ignored: IgnoredCounts): TargetData {
  const known = [...Object.keys(mapping.fields), ...mapping.ignore];
  const data: TargetData = {};
  for (const [rawKey, field] of source) {
    let key = rawKey;
    if (!(key in mapping.fields) && !mapping.ignore.includes(key)) {
      const guess = closestKey(key, known);
      if (!guess) {
        sink.add(
          'frontmatter-unknown-key',
          `Unexpected frontmatter key \`${key}\`, expected one of the mapping's fields or ignore list`,
          field.place,
          'warning',
          'Add the key to `fields:` or `ignore:` in the mapping file.',
        );
        continue;
      }
      sink.add(
        'frontmatter-typo',
        `Unexpected frontmatter key \`${key}\`, expected \`${guess}\` (treated as \`${guess}\`)`,
        field.place,
        'warning',
        `Rename the key to \`${guess}\` in the source.`,
      );
      key = guess;
    }
    if (mapping.ignore.includes(key)) {
      ignored.set(key, (ignored.get(key) ?? 0) + 1);
      continue;
    }
    for (const { to, values } of fieldTargets(mapping.fields[key]!)) {
      if (data[to] !== undefined && !LIST_FIELDS.has(to)) {
        sink.add(
          'frontmatter-duplicate',
          `Unexpected second source for \`${to}\` in \`${rawKey}\`, expected one key per field (first one kept)`,
          field.place,
          'info',
          'Remove one of the keys, or map it to another field.',
        );
        continue;
      }
      const mapped = mapValue(to, field, values, sink);
      if (mapped === undefined) continue;
      if (LIST_FIELDS.has(to)) data[to] = unique([...((data[to] as unknown[]) ?? []), ...(mapped as unknown[])]);
      else data[to] = mapped;
    }
  }
  for (const [to, value] of Object.entries(mapping.defaults)) {
    if (data[to] === undefined || (Array.isArray(data[to]) && (data[to] as unknown[]).length === 0 && !LIST_FIELDS.has(to))) data[to] = value;
  }
  return data;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function asList(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flat();
  if (typeof value === 'string' && value.includes('|')) return value.split('|');
  return [value];
}

function applyRules(value: unknown, rules: { match: string; to: string | number | null }[] | undefined): { hit: boolean; to: unknown } {
  if (!rules) return { hit: true, to: value };
  const text = String(value).trim();
  for (const rule of rules) {
    const match = new RegExp(rule.match, 'i').exec(text);
    // `$1` in a target takes the first group, so one rule can map a family of values.
    if (match) return { hit: true, to: typeof rule.to === 'string' ? rule.to.replace(/\$(\d)/g, (_, n: string) => match[Number(n)] ?? '') : rule.to };
  }
  return { hit: false, to: undefined };
}

function mapValue(to: string, field: SourceField, rules: { match: string; to: string | number | null }[] | undefined, sink: IssueSink): unknown {
  const items = asList(field.value).filter((v) => v !== null && String(v).trim() !== '');
  if (LIST_FIELDS.has(to)) {
    const out: unknown[] = [];
    for (const item of items) {
      const { hit, to: mapped } = applyRules(item, rules);
      if (hit && mapped !== null) out.push(to === 'tags' ? slugify(String(mapped)) : String(mapped).trim());
    }
    return out.filter((v) => v !== '');
  }
  if (ONE_OF_LIST_FIELDS.has(to) && items.length > 1 && (to === 'title' || to === 'summary')) return items.map(String).join(' ');
  const misses: string[] = [];
  for (const item of items) {
    const { hit, to: mapped } = applyRules(item, rules);
    if (!hit) {
      misses.push(String(item).trim());
      continue;
    }
    if (mapped === null) continue;
    const converted = convertScalar(to, mapped);
    if (converted !== undefined) return converted;
    sink.add(
      'frontmatter-value',
      `Unexpected value \`${String(mapped)}\` for \`${to}\``,
      field.place,
      'warning',
      to === 'reviewed' ? 'Use a date like 2024-01-31 or 01/31/2024.' : undefined,
    );
    return undefined;
  }
  if (misses.length) {
    sink.add(
      'frontmatter-no-rule',
      `Unexpected ${to} value${misses.length > 1 ? 's' : ''} \`${misses.join('`, `')}\`, expected one matching a rule in \`fields\` (default used)`,
      field.place,
      'info',
      `Add a value rule for ${to} to the mapping file.`,
    );
  }
  return undefined;
}

/**
 * One source value through a field's value rules and the conversion of its target, without
 * reporting: undefined when no rule matches or the value does not convert (`locale: de-DE` → `de`).
 */
export function mapFieldValue(to: string, value: unknown, rules: { match: string; to: string | number | null }[] | undefined): unknown {
  const { hit, to: mapped } = applyRules(value, rules);
  return hit && mapped !== null && mapped !== undefined ? convertScalar(to, mapped) : undefined;
}

/** Converts a mapped value to the type the schema wants, or undefined if it cannot. */
function convertScalar(to: string, value: unknown): unknown {
  const text = String(value).trim();
  switch (to) {
    case 'reviewed':
      return toIsoDate(value);
    case 'level': {
      const n = Number(text);
      return n === 1 || n === 2 || n === 3 ? n : undefined;
    }
    case 'review_every': {
      const n = Number(text);
      return Number.isInteger(n) && n > 0 ? n : undefined;
    }
    case 'lang':
      return text.toLowerCase().split(/[-_]/)[0];
    case 'product':
    case 'translation_key':
      return slugify(text) || undefined;
    case 'title':
    case 'summary':
      return text.replace(/\s+/g, ' ') || undefined;
    default:
      return typeof value === 'number' ? value : text || undefined;
  }
}

/** `YYYY-MM-DD` from a Date, an ISO string or a US `M/D/YYYY` string (the DocFX `ms.date` form). */
export function toIsoDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  const text = String(value).trim();
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (us) {
    const [, m, d, y] = us;
    const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    return parseDay(iso) ? iso : undefined;
  }
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
  return iso && parseDay(iso) ? iso : undefined;
}
