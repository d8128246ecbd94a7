import { describe, expect, it } from 'vitest';
import { runStale } from '../../src/lib/stale/run.ts';
import { ticketStaleProvider } from '../fixtures/stale/extra-provider.ts';
import { FIXTURE_CONTENT, ROOT, day } from './helpers.ts';

const options = { files: ['tickets.csv'], contentDir: FIXTURE_CONTENT, root: ROOT, today: day('2026-11-24') };

describe('extra providers', () => {
  it("adds the reasons of a provider such as kb gaps's to the report", async () => {
    const provider = ticketStaleProvider(options);
    const { report } = await runStale({ ...options, reviewEvery: 365, git: false, extraProviders: [provider] });
    const reasons = report.articles.flatMap((a) => a.reasons.filter((r) => r.code === 'ticket-reopened').map((r) => [a.id, r.message]));
    expect(reasons).toEqual([['de/vpn-geht-nicht', 'Reopened in tickets.csv.']]);
  });
});
