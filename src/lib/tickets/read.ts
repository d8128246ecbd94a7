import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parse as parseCsv, type CsvError } from 'csv-parse';
import iconv from 'iconv-lite';
import { DEFAULT_MAX_CELL, fileProblem, formatSize, jsonTextDepth, jsonValueTooDeep, MAX_JSON_DEPTH } from './bounds.ts';
import { sniff, type Sniff } from './decode.ts';
import type { LevelRule } from './level-rules.ts';
import { detectPreset, presetByName, type Preset } from './presets.ts';
import { RowError, RowMapper, shapeOf } from './row-mapper.ts';
import { delimiterOf, type CsvPart } from './split.ts';
import { emptyStats } from './stats.ts';
import { TEXT_FIELDS, type FileInfo, type FileProblem, type ReadStats, type Ticket } from './types.ts';

export interface ReadOptions {
  /** Preset name (`servicenow`, `jira`, `otrs`, ...); detected from the header when absent. */
  preset?: string | undefined;
  map?: Record<string, string> | undefined;
  levelRules?: readonly LevelRule[] | undefined;
  /** Largest cell in characters (default 1 MiB, `--max-cell`); a row with a larger one is rejected. */
  maxCell?: number | undefined;
  /** How many rejections to keep with line and reason (all are counted). */
  keepRejections?: number;
  /** Bytes read so far, for a progress bar. */
  onProgress?: (bytes: number, total: number) => void;
}

/** `--map field=Column` options (repeatable) as a record; a clear error for a malformed one. */
export function parseMapOptions(entries: readonly string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const entry of entries) {
    const at = entry.indexOf('=');
    if (at < 1) throw new Error(`Unexpected --map ${entry}, expected field=Column`);
    map[entry.slice(0, at)] = entry.slice(at + 1);
  }
  return map;
}

/**
 * The text of byte ranges of a file, decoded. `onBytes` counts what has been read; the stream
 * only flows when its reader pulls, so no chunk is lost before a parser is attached.
 */
function decodedStream(file: string, found: Sniff, ranges: readonly (readonly [number, number])[], onBytes: (bytes: number) => void): NodeJS.ReadableStream {
  const raw = Readable.from(
    (async function* () {
      for (const [start, end] of ranges) {
        if (end <= start) continue;
        for await (const chunk of createReadStream(file, { start, end: end - 1, highWaterMark: 1 << 20 })) {
          onBytes((chunk as Buffer).length);
          yield chunk as Buffer;
        }
      }
    })(),
    { objectMode: false },
  );
  return found.encoding === 'utf-8' ? raw.setEncoding('utf8') : raw.pipe(iconv.decodeStream(found.encoding));
}

/**
 * Streams ticket exports (CSV, JSON array, NDJSON; UTF-8, UTF-16 or Windows-1252) and hands each
 * ticket to `sink`. Every row is accepted or rejected with its line and reason. Rows that share
 * an id are combined as the preset says (event logs keep the latest row, comment exports join).
 */
export async function readTickets(files: readonly string[], sink: (ticket: Ticket) => void, options: ReadOptions = {}): Promise<ReadStats> {
  const stats = emptyStats();
  const totalBytes = (
    await Promise.all(
      files.map((f) =>
        stat(f).then(
          (s) => s.size,
          () => 0,
        ),
      ),
    )
  ).reduce((a, b) => a + b, 0);
  let doneBytes = 0;
  for (const file of files) {
    // a directory, a pipe or a device is reported, never opened (a FIFO would block)
    const problem = await fileProblem(file);
    if (problem) {
      addFileProblem(stats, problem);
      continue;
    }
    await readOne(file, await sniff(file), stats, sink, options, (bytes) => {
      doneBytes += bytes;
      options.onProgress?.(doneBytes, totalBytes);
    });
  }
  return stats;
}

/**
 * Reads one part of a CSV export split by `splitCsv`: the same accounting as `readTickets`, with
 * the lines of the whole file. Duplicate ids are found within the part only; the caller compares
 * parts. `onProgress` counts this part's bytes.
 */
export async function readTicketPart(file: string, found: Sniff, part: CsvPart, sink: (ticket: Ticket) => void, options: ReadOptions = {}): Promise<ReadStats> {
  const stats = emptyStats();
  // every part reads the header; only the first counts it, so the parts add up to the file
  const header = part.rows[0] === part.header[1] ? 0 : part.header[1] - part.header[0];
  const total = part.rows[1] - part.rows[0] + (header ? 0 : part.header[1] - part.header[0]);
  let done = -header;
  await readOne(
    file,
    found,
    stats,
    sink,
    options,
    (bytes) => {
      done += bytes;
      options.onProgress?.(Math.max(0, done), total);
    },
    part,
  );
  return stats;
}

/** A file that could not be read at all: listed with its problem, no rows. */
export function addFileProblem(stats: ReadStats, problem: FileProblem): void {
  stats.files.push({ file: problem.file, encoding: '-', format: 'none', preset: '', read: 0, accepted: 0, rejected: 0 });
  stats.problems.push(problem);
}

async function readOne(
  file: string,
  found: Sniff,
  stats: ReadStats,
  sink: (ticket: Ticket) => void,
  options: ReadOptions,
  progress: (bytes: number) => void,
  part?: CsvPart,
): Promise<void> {
  const keep = options.keepRejections ?? 100;
  const info: FileInfo = { file, encoding: found.encoding, format: 'none', preset: '', read: 0, accepted: 0, rejected: 0 };
  stats.files.push(info);
  const reject = (line: number, rule: string, reason: string) => {
    stats.read++;
    stats.rejected++;
    info.read++;
    info.rejected++;
    stats.rejectionsTotal++;
    stats.rejectionsByRule[rule] = (stats.rejectionsByRule[rule] ?? 0) + 1;
    if (stats.rejections.length < keep) stats.rejections.push({ file, line, rule, reason });
  };
  const maxCell = options.maxCell ?? DEFAULT_MAX_CELL;
  if (found.empty) {
    stats.problems.push({ file, line: 1, rule: 'empty-file', reason: 'Unexpected empty file, expected a header and rows' });
    return;
  }
  if (found.binary) {
    stats.problems.push({ file, line: 1, rule: 'binary-file', reason: 'Unexpected binary content, expected a CSV, JSON or NDJSON text export' });
    return;
  }
  const named = presetByName(options.preset);
  const grouped = new Map<string, Ticket>();
  const seen = new Set<string>();
  let preset: Preset | undefined = named;
  let mapper: RowMapper | undefined;
  const accept = (ticket: Ticket) => {
    const mode = preset?.rows ?? 'unique';
    if (mode === 'unique') {
      if (seen.has(ticket.id)) return reject(ticket.line, 'duplicate-id', `Unexpected duplicate id ${ticket.id}, expected each ticket once`);
      seen.add(ticket.id);
      sink(ticket);
    } else {
      const previous = grouped.get(ticket.id);
      if (previous && mode === 'concat') {
        previous.body = `${previous.body}\n${ticket.body}`.slice(0, 20_000);
        previous.resolved = ticket.resolved ?? previous.resolved;
      } else
        grouped.set(
          ticket.id,
          previous
            ? {
                ...ticket,
                opened: previous.opened ?? ticket.opened,
                escalations: Math.max(previous.escalations, ticket.escalations),
                reopened: Math.max(previous.reopened, ticket.reopened),
              }
            : ticket,
        );
    }
    stats.read++;
    stats.accepted++;
    info.read++;
    info.accepted++;
  };
  // the header's problems are reported once: by the whole file, or by its first part
  const headerProblem = (problem: FileProblem) => {
    if (!part || part.rows[0] === part.header[1]) stats.problems.push(problem);
  };
  const handle = (record: string[], line: number) => {
    if (!mapper) {
      preset ??= detectPreset(record);
      info.preset = preset.name;
      try {
        mapper = new RowMapper(record, { preset, map: options.map, levelRules: options.levelRules });
      } catch (error) {
        headerProblem({ file, line, rule: (error as RowError).rule ?? 'header', reason: (error as Error).message });
        throw error;
      }
      Object.assign(info, mapper.mapping());
      if (!mapper.hasId)
        headerProblem({
          file,
          line,
          rule: 'missing-id-column',
          reason: `Unexpected header without an id column, expected one of id, number, key, ticket id (or --map id=<column>, or --map id=@line to number rows)`,
        });
      else if (!TEXT_FIELDS.some((field) => info.columns?.[field]))
        headerProblem({
          file,
          line,
          rule: 'no-text-column',
          reason: `Unexpected header without a column for what the ticket says, expected one of subject, title, description, body, comments, resolution (or --map title=<column>): without one its tickets form no gaps and match an article only through an article column of the export or the article's tickets list`,
        });
      return;
    }
    if (!mapper.hasId) return reject(line, 'missing-id-column', 'Unexpected row without an id column in the header');
    const big = record.findIndex((c) => c.length > maxCell);
    if (big >= 0)
      return reject(
        line,
        'cell-too-large',
        `Unexpected cell of ${formatSize(record[big]?.length ?? 0)} in column ${mapper.headers[big] ?? big + 1}, expected at most ${formatSize(maxCell)} (--max-cell)`,
      );
    try {
      accept(mapper.toTicket(record, file, line));
    } catch (error) {
      if (error instanceof RowError) reject(line, error.rule, error.message);
      else throw error;
    }
  };
  const text = decodedStream(file, found, part ? [part.header, part.rows] : [[found.bom, (await stat(file)).size]], progress);
  const first = found.head.trimStart()[0];
  try {
    if (first === '[') await readJsonArray(text, handle, (line, reason, rule = 'bad-json') => reject(line, rule, reason));
    else if (first === '{') await readNdjson(text, handle, (line, reason, rule = 'bad-json') => reject(line, rule, reason));
    else await readCsv(text, found.sep ?? delimiterOf(found.head.split(/\r?\n/)[0] ?? ''), handle, reject, part?.lineOffset ?? 0, found.skippedLines ?? 0);
    info.format = first === '[' ? 'json' : first === '{' ? 'ndjson' : 'csv';
  } catch (error) {
    if (!(error instanceof RowError)) stats.problems.push({ file, line: 1, rule: 'unreadable', reason: (error as Error).message });
  }
  for (const ticket of grouped.values()) sink(ticket);
  stats.tickets += preset?.rows === 'unique' || !preset ? seen.size : grouped.size;
}

/**
 * `lineOffset` is added to the lines of rows (not the header) when reading a part of a file;
 * `skipped` to every line (a `sep=` line before the header).
 */
async function readCsv(
  text: NodeJS.ReadableStream,
  delimiter: string,
  handle: (record: string[], line: number) => void,
  reject: (line: number, rule: string, reason: string) => void,
  lineOffset: number,
  skipped: number,
): Promise<void> {
  const parser = text.pipe(parseCsv({ delimiter, relax_column_count: true, skip_empty_lines: true, skip_records_with_error: true, info: true, bom: true }));
  parser.on('skip', (error: CsvError & { lines?: number }) => {
    const rule = /quote/i.test(error.code) ? 'stray-quote' : 'bad-csv';
    // csv-parse names its own line in the message: the part's, which is not the file's
    const message = error.message
      .replace(/^Invalid Record Length: |^Invalid /, '')
      .replace(/\b(at line|on line) (\d+)/g, (_, words: string, n: string) => `${words} ${Number(n) + lineOffset + skipped}`)
      // csv-parse quotes the field it was reading: its shape only, cells may hold personal data
      .replace(/value is ("(?:[^"\\]|\\.)*")/, (_, quoted: string) => `value of the form "${shapeOf(unquote(quoted))}"`);
    reject((error.lines ?? 0) + lineOffset + skipped, rule, `Unexpected CSV syntax: ${message}`);
  });
  let offset = skipped;
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    handle(item.record, item.info.lines + offset);
    offset = lineOffset + skipped;
  }
}

type RejectJson = (line: number, reason: string, rule?: string) => void;

const TOO_DEEP = `expected at most ${MAX_JSON_DEPTH} levels of arrays and objects`;

function unquote(quoted: string): string {
  try {
    return String(JSON.parse(quoted));
  } catch {
    return quoted;
  }
}

async function readNdjson(text: NodeJS.ReadableStream, handle: (record: string[], line: number) => void, reject: RejectJson): Promise<void> {
  let header: string[] | undefined;
  let line = 0;
  for await (const rawLine of createInterface({ input: text as NodeJS.ReadableStream, crlfDelay: Infinity })) {
    line++;
    if (!rawLine.trim()) continue;
    // nesting is counted before parsing: a record 10,000 levels deep is rejected on its own line
    const depth = jsonTextDepth(rawLine, MAX_JSON_DEPTH);
    if (depth > MAX_JSON_DEPTH) {
      reject(line, `Unexpected JSON nested more than ${MAX_JSON_DEPTH} levels deep, ${TOO_DEEP}`, 'too-deep');
      continue;
    }
    let object: Record<string, unknown>;
    try {
      object = JSON.parse(rawLine) as Record<string, unknown>;
    } catch (error) {
      reject(line, `Unexpected JSON: ${jsonError(error as Error)}`);
      continue;
    }
    header = emitObject(object, header, line, handle);
  }
}

async function readJsonArray(text: NodeJS.ReadableStream, handle: (record: string[], line: number) => void, reject: RejectJson): Promise<void> {
  const { default: streamArray } = await import('stream-json/streamers/stream-array.js');
  const stream = (text as NodeJS.ReadableStream).pipe(streamArray.withParserAsStream());
  let header: string[] | undefined;
  let last = 0;
  try {
    for await (const { key, value } of stream as AsyncIterable<{ key: number; value: unknown }>) {
      last = key + 1;
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        reject(key + 1, `Unexpected ${Array.isArray(value) ? 'array' : typeof value} at record ${key + 1}, expected an object`);
        continue;
      }
      if (jsonValueTooDeep(value, MAX_JSON_DEPTH)) {
        reject(key + 1, `Unexpected JSON nested more than ${MAX_JSON_DEPTH} levels deep in record ${key + 1}, ${TOO_DEEP}`, 'too-deep');
        continue;
      }
      header = emitObject(value as Record<string, unknown>, header, key + 1, handle);
    }
  } catch (error) {
    reject(last + 1, `Unexpected end of JSON in record ${last + 1}: ${jsonError(error as Error)}`);
  }
}

/** A JSON parser's message without the snippet of input it quotes (records may hold personal data). */
function jsonError(error: Error): string {
  return error.message.replace(/,? (?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, ' (input not repeated)');
}

/** JSON records become rows under the first record's keys (later new keys are ignored). */
function emitObject(object: Record<string, unknown>, header: string[] | undefined, line: number, handle: (record: string[], line: number) => void): string[] {
  let keys = header;
  if (!keys) {
    keys = Object.keys(object);
    handle(keys, 0);
  }
  handle(
    keys.map((k) => cell(object[k])),
    line,
  );
  return keys;
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(cell).join(' ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
