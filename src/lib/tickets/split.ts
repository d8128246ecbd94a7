import { open, type FileHandle } from 'node:fs/promises';
import { parse as parseCsvSync } from 'csv-parse/sync';
import type { Sniff } from './decode.ts';

/** A share of a CSV export's rows that starts and ends at a record boundary, read on its own. */
export interface CsvPart {
  /** Bytes of the header record, [start, end): each part is parsed header first. */
  header: [number, number];
  /** Bytes of this part's rows, [start, end). */
  rows: [number, number];
  /** Added to the parser's line numbers of rows, so they are the lines of the whole file. */
  lineOffset: number;
}

export interface CsvSplit {
  header: string[];
  delimiter: string;
  parts: CsvPart[];
}

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const CHUNK = 4 * 2 ** 20;

/** The delimiter of a header line: the most frequent of , ; tab | outside quotes. */
export function delimiterOf(headerLine: string): string {
  const outside = headerLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t', '|'].map((d) => ({ d, n: outside.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]?.n ? counts[0].d : ',';
}

/**
 * Record boundaries of a CSV file in an ASCII-compatible encoding (UTF-8, Windows-1252), found by
 * quote parity: a line break outside quotes ends a record. Every quote is checked to open at a
 * field start or close at a field end; the first that does not (a stray quote) stops the scan,
 * since parity says nothing after it. Lines are counted as csv-parse counts them, so a part's
 * line numbers can be shifted to the whole file's: the first line break outside quotes sets the
 * record delimiter (CRLF or LF); a CR or LF counts as a line unless it is the CR of a CRLF
 * delimiter.
 */
class BoundaryScanner {
  private inQuotes = false;
  private previous = NEWLINE;
  /** Bytes at the start of the next chunk already consumed (the second quote of a `""` pair). */
  private skip = 0;
  /** Whether records end with CRLF; undefined until the first line break outside quotes. */
  private crlf: boolean | undefined;
  lines = 0;

  private readonly delimiter: number;

  constructor(delimiter: number) {
    this.delimiter = delimiter;
  }

  private endsField(byte: number | undefined): boolean {
    return byte === undefined || byte === this.delimiter || byte === NEWLINE || byte === RETURN;
  }

  /**
   * Scans `bytes[0, length)` (a byte of look-ahead may follow). Calls `onBoundary(index)` after
   * each record's line break; a `true` return stops the scan ('stopped'). False when the file
   * cannot be split: a stray quote, or records that end with a bare CR.
   */
  scan(bytes: Buffer, length: number, onBoundary: (index: number) => boolean): boolean | 'stopped' {
    let i = this.skip;
    this.skip = 0;
    // the next position of each byte, searched again only once passed: a byte the file lacks
    // (CR in a LF file) must not be looked for in the rest of the chunk at every event
    const find = (byte: number, from: number) => {
      const at = bytes.indexOf(byte, from);
      return at < 0 || at > length ? length : at;
    };
    let quote = -1;
    let newline = -1;
    let cr = -1;
    while (i < length) {
      if (quote < i) quote = find(QUOTE, i);
      if (newline < i) newline = find(NEWLINE, i);
      if (cr < i) cr = find(RETURN, i);
      const next = Math.min(quote, newline, cr);
      if (next >= length) break;
      i = next + 1;
      if (next === cr) {
        const pair = bytes[next + 1] === NEWLINE;
        if (!this.inQuotes && this.crlf === undefined) {
          if (!pair) return false;
          this.crlf = true;
        }
        // the CR of a CRLF record delimiter is not a line of its own
        if (!(pair && this.crlf && !this.inQuotes)) this.lines++;
      } else if (next === newline) {
        this.lines++;
        if (this.inQuotes) continue;
        this.crlf ??= false;
        const afterCr = next > 0 ? bytes[next - 1] === RETURN : this.previous === RETURN;
        // with CRLF records, a bare LF is a character inside a field
        if ((!this.crlf || afterCr) && onBoundary(i)) return 'stopped';
      } else if (!this.inQuotes) {
        // an opening quote starts a field
        const before = next > 0 ? bytes[next - 1] : this.previous;
        if (before !== this.delimiter && before !== NEWLINE && before !== RETURN) return false;
        this.inQuotes = true;
      } else if (bytes[next + 1] === QUOTE) {
        // an escaped quote; its second half may be the next chunk's first byte
        i = next + 2;
        if (i > length) this.skip = i - length;
      } else {
        // a closing quote ends a field
        if (!this.endsField(bytes[next + 1])) return false;
        this.inQuotes = false;
      }
    }
    if (length > 0) this.previous = bytes[length - 1] as number;
    return true;
  }
}

async function readAt(handle: FileHandle, position: number, size: number): Promise<Buffer> {
  const buffer = Buffer.alloc(size);
  const { bytesRead } = await handle.read(buffer, 0, size, position);
  return buffer.subarray(0, bytesRead);
}

/**
 * Splits a large CSV export into `parts` shares of about equal size at record boundaries, so
 * several threads can parse it. Undefined when the file cannot be split safely: not an ASCII-
 * compatible encoding, no newlines, a stray quote before a split point, or too small.
 */
export async function splitCsv(file: string, found: Sniff, parts: number, minBytes: number, chunkBytes = CHUNK): Promise<CsvSplit | undefined> {
  const first = found.head.trimStart()[0];
  if (parts < 2 || first === '[' || first === '{' || found.empty || found.binary) return undefined;
  if (found.encoding !== 'utf-8' && found.encoding !== 'windows-1252') return undefined;
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    if (size - found.bom < minBytes) return undefined;
    const delimiter = found.sep ?? delimiterOf(found.head.split(/\r?\n/)[0] ?? '');
    const scanner = new BoundaryScanner(delimiter.charCodeAt(0));
    const boundaries: { at: number; lines: number }[] = [];
    let headerEnd = -1;
    let headerLines = 0;
    let target = 1;
    const share = (size - found.bom) / parts;
    for (let position = found.bom; position < size && boundaries.length < parts - 1; position += chunkBytes) {
      const bytes = await readAt(handle, position, chunkBytes + 1);
      const length = Math.min(chunkBytes, bytes.length);
      const result = scanner.scan(bytes, length, (index) => {
        const at = position + index;
        if (headerEnd < 0) {
          [headerEnd, headerLines] = [at, scanner.lines];
          return false;
        }
        if (at - found.bom < share * target) return false;
        if (at >= size) return true;
        boundaries.push({ at, lines: scanner.lines });
        target++;
        return boundaries.length === parts - 1;
      });
      if (result === false) return undefined;
      if (result === 'stopped') break;
    }
    if (headerEnd < 0 || boundaries.length === 0) return undefined;
    const headerText = new TextDecoder(found.encoding).decode(await readAt(handle, found.bom, headerEnd - found.bom));
    const header = (parseCsvSync(headerText, { delimiter, relax_column_count: true }) as string[][])[0];
    if (!header) return undefined;
    const starts = [{ at: headerEnd, lines: headerLines }, ...boundaries];
    return {
      header,
      delimiter,
      parts: starts.map((start, i) => ({
        header: [found.bom, headerEnd],
        rows: [start.at, starts[i + 1]?.at ?? size],
        lineOffset: start.lines - headerLines,
      })),
    };
  } finally {
    await handle.close();
  }
}
