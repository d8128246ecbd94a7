import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendLoad, startCollector, type CollectorProcess } from '../../scripts/bench/collect-load.ts';
import { EventStore } from '../../src/lib/collect/store.ts';
import { ROOT } from '../helpers/paths.ts';

const ORIGIN = 'https://help.example.com';
let dir: string;
let db: string;
let running: CollectorProcess | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kb-collect-cli-'));
  db = join(dir, 'events.sqlite');
});
afterEach(async () => {
  await running?.stop('SIGKILL');
  running = undefined;
  await rm(dir, { recursive: true, force: true });
});

function kb(...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts/kb.ts'), ...args], { encoding: 'utf8', cwd: ROOT });
}

function countRows(file: string): number {
  const store = new EventStore(file);
  try {
    return store.count();
  } finally {
    store.close();
  }
}

describe('kb collect as a process', () => {
  it('keeps every accepted event of 20,000 from 50 concurrent clients, and counts the rejected by reason', { timeout: 180_000 }, async () => {
    // each client has its own address (as behind a proxy); of its 400 requests a burst of 250 (plus
    // one a second) gets through, so every client also floods
    running = await startCollector(['--db', db, '--origin', ORIGIN, '--trust-proxy', '--burst', '250', '--rate', '60']);
    const load = await sendLoad({ url: running.url, origin: ORIGIN, clients: 50, events: 20_000, malformedEvery: 50, invalidEvery: 75, forwardedFor: true });
    const health = (await (await fetch(running.url.replace(/\/events$/, '/health'))).json()) as { accepted: number; rejected: Record<string, number> };
    await running.stop('SIGTERM');
    running = undefined;

    expect(load.sent).toBe(20_000);
    expect(load.errors).toBe(0);
    const accepted = load.statuses[204] ?? 0;
    // every 204 is a row: none lost, none doubled
    expect(countRows(db)).toBe(accepted);
    expect(health.accepted).toBe(accepted);
    // what was refused is counted by reason, and the counts add up to what the clients saw
    expect(health.rejected['malformed-json']! + health.rejected['invalid-event']!).toBe(load.statuses[400]);
    expect(health.rejected['rate-limit']).toBe(load.statuses[429]);
    expect(accepted + (load.statuses[400] ?? 0) + (load.statuses[429] ?? 0)).toBe(20_000);
    expect(load.statuses[429]).toBeGreaterThan(0);
    expect(health.rejected['malformed-json']).toBeGreaterThan(0);
    expect(health.rejected['invalid-event']).toBeGreaterThan(0);
  });

  it('loses nothing it acknowledged when killed and restarted', { timeout: 60_000 }, async () => {
    running = await startCollector(['--db', db, '--origin', ORIGIN]);
    const first = await sendLoad({ url: running.url, origin: ORIGIN, clients: 5, events: 50 });
    expect(first.statuses[204]).toBe(50);
    // a crash, not a clean stop: every acknowledged event must already be committed
    await running.stop('SIGKILL');
    running = await startCollector(['--db', db, '--origin', ORIGIN]);
    expect(running.output()).toContain('(50 events so far)');
    const second = await sendLoad({ url: running.url, origin: ORIGIN, clients: 5, events: 50 });
    expect(second.statuses[204]).toBe(50);
    await running.stop('SIGTERM');
    running = undefined;
    expect(countRows(db)).toBe(100);
  });

  it('exports NDJSON and imports it again, rejecting bad lines with their line number', async () => {
    running = await startCollector(['--db', db, '--origin', ORIGIN]);
    await sendLoad({ url: running.url, origin: ORIGIN, clients: 1, events: 3 });
    await running.stop();
    running = undefined;
    const exported = kb('collect', '--db', db, '--export');
    expect(exported.status).toBe(0);
    const lines = exported.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l['type'])).toEqual(['search', 'contact', 'helpful']);
    expect(Object.keys(lines[0]!).slice(0, 4)).toEqual(['at', 'type', 'site', 'lang']);

    const file = join(dir, 'more.ndjson');
    await writeFile(file, `${exported.stdout}{"type":"helpful"\n{"at":"2026-12-01T09:00:00Z","type":"helpful","lang":"en","article":"en/a","helpful":"yes"}\n`);
    const other = join(dir, 'other.sqlite');
    const imported = kb('collect', '--db', other, '--import', file);
    expect(imported.status).toBe(1);
    expect(imported.stderr).toContain(`${file}:4: malformed JSON`);
    expect(imported.stderr).toContain(`${file}:5: helpful: `);
    expect(imported.stderr).toContain('read 5 events, imported 3, rejected 2');
    expect(countRows(other)).toBe(3);
    expect(await readFile(file, 'utf8')).toContain(exported.stdout);
  });

  it('explains itself and refuses bad options', () => {
    const help = kb('collect', '--help');
    expect(help.stdout).toContain('--origin <url>');
    expect(help.stdout).toContain('docs/collect.md');
    const noOrigin = kb('collect', '--db', db);
    expect(noOrigin.status).toBe(2);
    expect(noOrigin.stderr).toContain('Missing --origin');
    const badOrigin = kb('collect', '--db', db, '--origin', 'help.example.com');
    expect(badOrigin.stderr).toContain('Unexpected --origin "help.example.com"');
    expect(kb('collect', '--db', db, '--origin', ORIGIN, '--port', 'x').stderr).toContain('Unexpected --port "x"');
  });
});
