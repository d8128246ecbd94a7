import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { sniff, type Sniff } from '../tickets/decode.ts';
import { detectPreset, presetByName } from '../tickets/presets.ts';
import { fileProblem } from '../tickets/bounds.ts';
import { addFileProblem, readTicketPart, readTickets, type ReadOptions } from '../tickets/read.ts';
import { splitCsv, type CsvPart } from '../tickets/split.ts';
import { emptyStats, mergeStats } from '../tickets/stats.ts';
import type { ReadStats } from '../tickets/types.ts';
import { mergeSpellingCounts } from './text.ts';
import type { SharedMatchIndex } from './match-index.ts';
import { emptyMatchCounts, type Features, type TicketMatcher, type Via } from './ticket-matcher.ts';

export interface ParallelOptions {
  /** Threads that read one large CSV export together (default: the machine's cores, at most 4). */
  threads?: number | undefined;
  /** Exports smaller than this are read on one thread: starting a thread costs about a second. */
  splitBytes?: number | undefined;
}

export interface MatchOptions extends ReadOptions, ParallelOptions {
  threshold: number;
}

export interface Matched {
  stats: ReadStats;
  /** In file order, as if read on one thread. */
  features: Features[];
  matchedBy: Record<Via, number>;
}

/** What a part worker is given (see match-worker.ts). */
export interface PartJob {
  file: string;
  found: Sniff;
  part: CsvPart;
  read: Pick<ReadOptions, 'preset' | 'map' | 'levelRules' | 'keepRejections' | 'maxCell'>;
  /** This thread's match index: a worker that read the articles again would spend seconds on it. */
  index: SharedMatchIndex;
  threshold: number;
}

/** What a part worker sends back. */
export type PartMessage =
  { type: 'features'; batch: Features[] } | { type: 'progress'; bytes: number } | { type: 'done'; stats: ReadStats; spellings: [string, string, number][] };

interface PartResult {
  stats: ReadStats;
  features: Features[];
}

/** A ticket id already accepted in an earlier part: rejected like any later duplicate. */
function rejectDuplicate(stats: ReadStats, f: Features): void {
  stats.accepted--;
  stats.tickets--;
  stats.rejected++;
  stats.rejectionsTotal++;
  stats.rejectionsByRule['duplicate-id'] = (stats.rejectionsByRule['duplicate-id'] ?? 0) + 1;
  const info = stats.files[0];
  if (info) {
    info.accepted--;
    info.rejected++;
  }
  stats.rejections.push({ file: info?.file ?? '', line: f.line, rule: 'duplicate-id', reason: `Unexpected duplicate id ${f.id}, expected each ticket once` });
}

// Not a literal inside `new URL()`: bundlers would copy the source file into a site build.
const WORKER = './match-worker.ts';

// Strings arrive as fresh copies in every message; terms, article ids and languages repeat across
// hundreds of thousands of tickets, so each is kept once.
const interned = new Map<string, string>();
function once<T extends string | undefined>(value: T): T {
  if (value === undefined) return value;
  const known = interned.get(value);
  if (known !== undefined) return known as T;
  if (interned.size < 500_000) interned.set(value, value);
  return value;
}

function intern(f: Features): Features {
  f.article = once(f.article);
  f.lang = once(f.lang);
  f.product = once(f.product);
  f.topic = once(f.topic);
  if (f.top) for (let i = 0; i < f.top.length; i++) f.top[i] = once(f.top[i] as string);
  return f;
}

/** Reads one part in a worker thread; undefined when no worker could start (then the caller reads it). */
function readPartInWorker(job: PartJob, onBytes: (bytes: number) => void): Promise<PartResult | undefined> {
  return new Promise((resolve, reject) => {
    const features: Features[] = [];
    let heard = false;
    let worker: Worker;
    try {
      worker = new Worker(new URL(WORKER, import.meta.url), { workerData: job });
    } catch {
      resolve(undefined);
      return;
    }
    worker.on('message', (message: PartMessage) => {
      heard = true;
      if (message.type === 'features') for (const f of message.batch) features.push(intern(f));
      else if (message.type === 'progress') onBytes(message.bytes);
      else {
        mergeSpellingCounts(message.spellings);
        resolve({ stats: message.stats, features });
        void worker.terminate();
      }
    });
    // a bundled copy of this module (the site build) has no worker file beside it: read on this thread
    worker.on('error', (error) => (heard ? reject(error) : resolve(undefined)));
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`The thread reading ${job.file} stopped with code ${code}`));
    });
  });
}

/**
 * Reads every export and matches its tickets. A large CSV export is split at record boundaries
 * and its parts are read by several threads at once; the result is the same as on one thread:
 * features in file order, the file's line numbers, and a ticket id repeated in a later part is
 * rejected as a duplicate there.
 */
export async function readAndMatch(files: readonly string[], matcher: TicketMatcher, options: MatchOptions): Promise<Matched> {
  const keep = options.keepRejections ?? 100;
  const stats = emptyStats();
  const features: Features[] = [];
  const threads = options.threads ?? Math.min(availableParallelism(), 4);
  const sizes = await Promise.all(
    files.map((f) =>
      stat(f).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  );
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  let finishedBytes = 0;
  let shared: SharedMatchIndex | undefined;
  for (const [n, file] of files.entries()) {
    // a directory, a pipe or a device is reported, never opened (a FIFO would block)
    const problem = await fileProblem(file);
    if (problem) {
      addFileProblem(stats, problem);
      continue;
    }
    const found = await sniff(file);
    // rows that combine by id (event logs, comment exports) must meet on one thread
    const named = presetByName(options.preset);
    const split = threads > 1 && (named?.rows ?? 'unique') === 'unique' ? await splitCsv(file, found, threads, options.splitBytes ?? 32 * 2 ** 20) : undefined;
    const preset = named ?? (split && detectPreset(split.header));
    if (!split || preset?.rows !== 'unique') {
      const own = await readTickets([file], (t) => features.push(matcher.features(t)), {
        ...options,
        onProgress: (done) => options.onProgress?.(finishedBytes + done, totalBytes),
      });
      mergeStats(stats, own, keep);
      finishedBytes += sizes[n] ?? 0;
      continue;
    }
    const done = split.parts.map(() => 0);
    const report = (part: number, bytes: number) => {
      done[part] = bytes;
      options.onProgress?.(finishedBytes + done.reduce((a, b) => a + b, 0), totalBytes);
    };
    const readHere = async (part: CsvPart, i: number): Promise<PartResult> => {
      const own: Features[] = [];
      const partStats = await readTicketPart(file, found, part, (t) => own.push(matcher.features(t)), { ...options, onProgress: (bytes) => report(i, bytes) });
      return { stats: partStats, features: own };
    };
    shared ??= matcher.index.toShared();
    const index = shared;
    const job = (part: CsvPart): PartJob => ({
      file,
      found,
      part,
      read: { preset: options.preset, map: options.map, levelRules: options.levelRules, keepRejections: keep, maxCell: options.maxCell },
      index,
      threshold: options.threshold,
    });
    const workers = split.parts.slice(1).map((part, i) => readPartInWorker(job(part), (bytes) => report(i + 1, bytes)));
    const results = [await readHere(split.parts[0] as CsvPart, 0)];
    let threadsUsed = 1;
    for (const [i, pending] of workers.entries()) {
      const result = await pending;
      if (result) threadsUsed++;
      results.push(result ?? (await readHere(split.parts[i + 1] as CsvPart, i + 1)));
    }
    // the parts together, as one thread would have read them
    const seen = new Set<string>();
    for (const result of results) {
      for (const f of result.features) {
        if (seen.has(f.id)) rejectDuplicate(result.stats, f);
        else {
          seen.add(f.id);
          features.push(f);
        }
      }
      mergeStats(stats, result.stats, keep);
    }
    const info = stats.files.find((f) => f.file === file);
    if (info && threadsUsed > 1) info.threads = threadsUsed;
    finishedBytes += sizes[n] ?? 0;
  }
  const matchedBy = emptyMatchCounts();
  for (const f of features) if (f.via) matchedBy[f.via]++;
  return { stats, features, matchedBy };
}
