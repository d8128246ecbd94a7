import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { generateKnowledgeBase } from './generate-kb.ts';

const SELF = fileURLToPath(import.meta.url);
const WORDS =
  'printer queue offline spooler driver network switch port dhcp lease dns vpn tunnel gateway mailbox exchange outlook password reset account locked expired certificate renewal database backup restore replica failover cluster disk volume laptop monitor docking station teams camera microphone license activation installer update patch rollback sharepoint permission folder access request onboarding leaver purchase order invoice payroll'.split(
    ' ',
  );
const GROUPS = ['Service Desk', '1st-Level Support', '2nd-Level::Netzwerk', '2nd-Level::Messaging', '3rd-Level Development'];

function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Writes a CSV export of `rows` tickets (about 500 bytes each), streamed to disk. */
export async function writeExport(file: string, rows: number): Promise<void> {
  const random = rng(7);
  const out = createWriteStream(file);
  out.write('id,subject,description,group,created,resolved,reassignment_count,reopen_count\n');
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    // topics: a ticket draws most of its words from a small window of the vocabulary
    const topic = Math.floor(random() * 40);
    const word = () => WORDS[(topic + Math.floor(random() * 6)) % WORDS.length];
    const subject = `${word()} ${word()} ${word()} problem`;
    const body = Array.from({ length: 55 }, word).join(' ') + (i % 50 === 0 ? ` error 0x8${String(i % 5000).padStart(7, '0')}` : '');
    const day = 1 + (i % 28);
    chunk += `INC${String(i).padStart(8, '0')},${subject},"${body}, contact user${i}@example.com",${GROUPS[i % GROUPS.length]},2026-10-${String(day).padStart(2, '0')} 08:00,2026-10-${String(day).padStart(2, '0')} 15:30,${i % 7 === 0 ? 2 : 0},${i % 31 === 0 ? 1 : 0}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

/** Child side: the whole gaps pipeline, one JSON line with its own time and peak memory. */
async function child(contentDir: string, file: string): Promise<void> {
  const { analyseGaps } = await import('../../src/lib/gaps/analyse.ts');
  const started = performance.now();
  const report = await analyseGaps({ contentDir, root: contentDir, files: [file] });
  console.log(
    JSON.stringify({
      seconds: (performance.now() - started) / 1000,
      peakMB: process.resourceUsage().maxRSS / 1024,
      read: report.tickets.read,
      rejected: report.tickets.rejected,
      gaps: report.gaps.length,
      linkRate: report.metrics.linkRate,
      threads: report.tickets.files[0]?.threads ?? 1,
    }),
  );
}

/** `kb gaps` on 1,000,000 generated tickets (about 500 MB of CSV) against 5,000 generated articles. */
export async function run(rows = Number(process.env['KB_BENCH_TICKETS'] ?? 1_000_000)): Promise<Record<string, number | string>> {
  const work = await mkdtemp(join(tmpdir(), 'kb-bench-gaps-'));
  try {
    const content = join(work, 'content');
    await generateKnowledgeBase(content, Number(process.env['KB_BENCH_ARTICLES'] ?? 5000));
    const file = join(work, 'tickets.csv');
    await writeExport(file, rows);
    const megabytes = (await stat(file)).size / 2 ** 20;
    console.log(`gaps: wrote ${rows} tickets, ${megabytes.toFixed(0)} MB`);
    const result = spawnSync(process.execPath, ['--max-old-space-size=1400', SELF, '--child', content, file], { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
    if (result.status !== 0) throw new Error(`gaps benchmark failed:\n${result.stderr.slice(-3000)}`);
    const r = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as {
      seconds: number;
      peakMB: number;
      read: number;
      rejected: number;
      gaps: number;
      linkRate: number;
      threads: number;
    };
    return {
      tickets: r.read,
      rejected: r.rejected,
      'export size (MB)': Math.round(megabytes),
      'threads reading it': r.threads,
      'end to end (s)': Math.round(r.seconds * 10) / 10,
      'rows per second': Math.round(r.read / r.seconds),
      'MB per second': Math.round((megabytes / r.seconds) * 10) / 10,
      'peak memory (MB)': Math.round(r.peakMB),
      gaps: r.gaps,
      'link rate': r.linkRate,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3] ?? '', process.argv[4] ?? '');
