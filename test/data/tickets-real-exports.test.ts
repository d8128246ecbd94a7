import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTickets } from '../../src/lib/tickets/read.ts';
import type { Ticket } from '../../src/lib/tickets/types.ts';
import { SHARED } from '../helpers/paths.ts';

async function read(file: string, options = {}) {
  const tickets: Ticket[] = [];
  const stats = await readTickets([join(SHARED, 'tickets', file)], (t) => tickets.push(t), options);
  return { tickets, stats };
}

describe('real exports, read in place', () => {
  it('reads the ServiceNow incident event log without rejections, one ticket per incident', async () => {
    const { tickets, stats } = await read('uci-incident-event-log/incident_event_log.partial.csv');
    expect(stats.files[0]?.preset).toBe('servicenow');
    expect(stats).toMatchObject({ read: 5998, accepted: 5998, rejected: 0 });
    expect(tickets.length).toBe(stats.tickets);
    expect(new Set(tickets.map((t) => t.id)).size).toBe(tickets.length);
    // the event log's rows per incident collapse to its latest state, keeping the highest counts
    expect(tickets.some((t) => t.escalations > 0)).toBe(true);
    expect(tickets.every((t) => t.opened instanceof Date)).toBe(true);
    // it has categories and counts but no subject or description: the report says so at its header
    expect(stats.problems).toMatchObject([{ line: 1, rule: 'no-text-column' }]);
  });

  it('groups the Jira helpdesk utterances into their 360 tickets without rejections', async () => {
    const { tickets, stats } = await read('mendeley-helpdesk-utterances/sample_utterances.csv');
    expect(stats.files[0]?.preset).toBe('jira-comments');
    expect(stats).toMatchObject({ read: 30104, accepted: 30104, rejected: 0, tickets: 360 });
    expect(tickets).toHaveLength(360);
    expect(tickets[0]?.body.split('\n').length).toBeGreaterThan(3);
    expect(stats.problems).toEqual([]);
  });

  it('numbers the rows of an export without ids when asked to', async () => {
    const { tickets, stats } = await read('it-service-ticket-classification/all_tickets_processed_improved_v3.partial.csv', { map: { id: '@line' } });
    expect(stats).toMatchObject({ read: 3805, accepted: 3805, rejected: 0 });
    expect(tickets[0]?.id).toBe('all_tickets_processed_improved_v3.partial.csv:2');
    expect(tickets[0]?.topic).toBe('Hardware');
  });
});
