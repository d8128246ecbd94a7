import { describe, expect, it } from 'vitest';
import { loadTicketProvider } from '../../src/lib/stale/ticket-provider.ts';
import { runStale } from '../../src/lib/stale/run.ts';
import { FIXTURE_CONTENT, ROOT, day } from './helpers.ts';

const options = { files: ['tickets.csv'], contentDir: FIXTURE_CONTENT, root: ROOT, today: day('2026-11-24') };

describe('ticket provider slot', () => {
  it('says plainly when the kb gaps provider does not exist', async () => {
    const result = await loadTicketProvider(options, new URL('./no-such-provider.ts', import.meta.url));
    expect(result).toBe(
      'Ticket reasons (ticket-escalations, ticket-reopened, unused) are not available: src/lib/gaps/stale-provider.ts does not exist yet.',
    );
  });

  it('adds the reasons of a provider module to the report', async () => {
    const provider = await loadTicketProvider(options, new URL('../fixtures/stale/ticket-provider.ts', import.meta.url));
    if (typeof provider === 'string') throw new Error(provider);
    const { report } = await runStale({ ...options, reviewEvery: 365, git: false, extraProviders: [provider] });
    const reasons = report.articles.flatMap((a) => a.reasons.filter((r) => r.code === 'ticket-reopened').map((r) => [a.id, r.message]));
    expect(reasons).toEqual([['de/vpn-geht-nicht', 'Reopened in tickets.csv.']]);
  });
});
