import { parentPort, workerData } from 'node:worker_threads';
import { readTicketPart } from '../tickets/read.ts';
import { MatchIndex } from './match-index.ts';
import type { PartJob, PartMessage } from './read-and-match.ts';
import { spellingCounts } from './text.ts';
import { TicketMatcher, type Features } from './ticket-matcher.ts';

// One part of a split export, read and matched on its own thread (see read-and-match.ts).
const job = workerData as PartJob;
const post = (message: PartMessage) => parentPort?.postMessage(message);
const matcher = new TicketMatcher(MatchIndex.fromShared(job.index), job.threshold);
let batch: Features[] = [];
const stats = await readTicketPart(
  job.file,
  job.found,
  job.part,
  (ticket) => {
    batch.push(matcher.features(ticket));
    // features travel in batches, so neither thread holds the part twice
    if (batch.length >= 2000) {
      post({ type: 'features', batch });
      batch = [];
    }
  },
  { ...job.read, onProgress: (bytes) => post({ type: 'progress', bytes }) },
);
post({ type: 'features', batch });
post({ type: 'done', stats, spellings: spellingCounts() });
