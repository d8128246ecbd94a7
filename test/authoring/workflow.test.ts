import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.ts';

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  id?: string;
}

const workflow = parse(readFileSync(join(ROOT, '.github/workflows/kb.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: { kb: { steps: Step[] } };
};
const steps = workflow.jobs.kb.steps;

describe('the pull-request workflow', () => {
  it('runs check, stale, owners, build, uploads and comments, in that order', () => {
    const order = ['npx kb check', 'npx kb stale', 'npx kb owners --check', 'npm run build', 'actions/upload-artifact', 'actions/github-script'];
    const positions = order.map((needle) => steps.findIndex((s) => (s.run ?? s.uses ?? '').includes(needle)));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(steps.some((s) => s.run?.includes('npm install'))).toBe(true);
    expect(steps.some((s) => s.run?.includes('npm ci'))).toBe(false);
    expect(workflow.permissions['pull-requests']).toBe('write');
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push']);
  });

  it('only calls kb commands and options that exist', () => {
    const calls = steps.flatMap((s) =>
      [...(s.run ?? '').matchAll(/npx kb (\w+)([^\n|>]*)/g)].map((m) => ({
        command: m[1] ?? '',
        flags: [...(m[2] ?? '').matchAll(/--[\w-]+/g)].map((f) => f[0]),
      })),
    );
    expect(calls.length).toBeGreaterThanOrEqual(3);
    for (const { command, flags } of calls) {
      const help = spawnSync(process.execPath, [join(ROOT, 'scripts/kb.ts'), command, '--help'], { cwd: ROOT, encoding: 'utf8' });
      expect(help.status, command).toBe(0);
      for (const flag of flags) expect(help.stdout, `${command} ${flag}`).toContain(flag);
    }
  });
});
