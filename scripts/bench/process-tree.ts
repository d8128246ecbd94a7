import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What one command cost, summed over the process and every process it started. */
export interface TreeRun {
  seconds: number;
  /** CPU time (user + system) of all processes of the tree. */
  cpuSeconds: number;
  /** Highest sum of the resident memory of all processes of the tree at one moment. */
  peakMB: number;
  output: string;
}

const PAGE_KB = 4;
const TICKS = 100; // USER_HZ on Linux

interface Stat {
  ppid: number;
  cpuTicks: number;
  rssKB: number;
}

function readStat(pid: number): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name is in parentheses and may contain spaces: fields start after the last ')'
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {
      ppid: Number(fields[1]),
      cpuTicks: Number(fields[11]) + Number(fields[12]),
      rssKB: Number(fields[21]) * PAGE_KB,
    };
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

/** The process and all its descendants, with their current stats. */
function tree(rootPid: number): Map<number, Stat> {
  const all = new Map<number, Stat>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) all.set(Number(name), stat);
  }
  const members = new Map<number, Stat>();
  const wanted = [rootPid];
  while (wanted.length) {
    const pid = wanted.pop()!;
    const stat = all.get(pid);
    if (!stat || members.has(pid)) continue;
    members.set(pid, stat);
    for (const [child, s] of all) if (s.ppid === pid) wanted.push(child);
  }
  return members;
}

const TIME = '/usr/bin/time';

/**
 * Runs a command and samples /proc every `intervalMs`: peak memory is the highest sum over the
 * whole process tree (two builds at once count twice). CPU time (user + system of every process
 * of the tree) comes from GNU time when installed, else from the last sample of each process.
 * Linux only, like the 2-core machines the targets are set for.
 */
export function measureTree(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; intervalMs?: number }): Promise<TreeRun> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const timeFile = join(tmpdir(), `kb-bench-time-${process.pid}-${Math.round(started)}`);
    const timed = existsSync(TIME);
    const [cmd, cmdArgs] = timed ? [TIME, ['-q', '-f', '%U %S', '-o', timeFile, command, ...args]] : [command, args];
    const child = spawn(cmd, cmdArgs, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    let peakKB = 0;
    const cpu = new Map<number, number>();
    const sample = () => {
      if (child.pid === undefined) return;
      let rss = 0;
      for (const [pid, stat] of tree(child.pid)) {
        rss += stat.rssKB;
        cpu.set(pid, stat.cpuTicks);
      }
      peakKB = Math.max(peakKB, rss);
    };
    const timer = setInterval(sample, options.intervalMs ?? 250);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      let cpuSeconds = [...cpu.values()].reduce((a, b) => a + b, 0) / TICKS;
      if (timed && existsSync(timeFile)) {
        const [user = 0, system = 0] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
        cpuSeconds = user + system;
        rmSync(timeFile, { force: true });
      }
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output.slice(-3000)}`));
      resolvePromise({ seconds, cpuSeconds, peakMB: peakKB / 1024, output });
    });
  });
}
