import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseStoredEvent, type DemandEvent } from './event.ts';

/** One line of an events file, in the documented NDJSON format (docs/collect.md). */
export function toNdjsonLine(event: DemandEvent): string {
  const { at, type, site, lang, ...rest } = event;
  return JSON.stringify({ at, type, site, lang, ...rest });
}

/** A line of an events file that was not an event: counted and reported, never dropped silently. */
export interface RejectedLine {
  file: string;
  line: number;
  message: string;
}

export interface EventSource {
  /** Events read, in file order. */
  events: DemandEvent[];
  read: number;
  rejected: RejectedLine[];
}

/** Longest NDJSON line read; longer lines are rejected without being parsed. */
const MAX_LINE = 64 * 1024;

/**
 * Reads events from files that are either a `kb collect` SQLite database or NDJSON (one event
 * per line, as `kb collect --export` writes and as other sources can produce). Each bad line is
 * rejected with its file and line number; read = events + rejected.
 */
export async function readEventFiles(files: readonly string[]): Promise<EventSource> {
  const out: EventSource = { events: [], read: 0, rejected: [] };
  for (const file of files) {
    if (await isSqliteFile(file)) {
      // node:sqlite is loaded only for a database (NDJSON readers, e.g. the site build, never need it)
      const { EventStore } = await import('./store.ts');
      const store = new EventStore(file);
      try {
        for (const event of store.events()) {
          out.read += 1;
          out.events.push(event);
        }
      } finally {
        store.close();
      }
      continue;
    }
    await readNdjson(file, out);
  }
  return out;
}

async function readNdjson(file: string, out: EventSource): Promise<void> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line += 1;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (!text.trim()) continue;
    out.read += 1;
    if (text.length > MAX_LINE) {
      out.rejected.push({ file, line, message: `line longer than ${MAX_LINE} characters` });
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      out.rejected.push({ file, line, message: `malformed JSON (${(error as Error).message})` });
      continue;
    }
    const parsed = parseStoredEvent(json);
    if (parsed.ok) out.events.push(parsed.value);
    else out.rejected.push({ file, line, message: parsed.message });
  }
}

async function isSqliteFile(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new Error(`Cannot read events file ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, {
      cause: error,
    });
  }
  try {
    const head = new Uint8Array(16);
    const { bytesRead } = await handle.read(head, 0, 16, 0);
    return bytesRead === 16 && Buffer.from(head).toString('latin1') === 'SQLite format 3\u0000';
  } finally {
    await handle.close();
  }
}
