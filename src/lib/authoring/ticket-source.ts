import { readTickets, type ReadOptions } from '../tickets/read.ts';

/** The parts of a ticket an article draft starts from, redacted (by the ticket reader). */
export interface TicketDraft {
  id: string;
  title: string;
  text: string;
  environment: string;
}

/**
 * Finds one ticket in an export by its id, with the reader `kb gaps` uses: every format,
 * encoding and preset it knows, `--map`, and its redaction of personal data.
 */
export async function readTicket(file: string, id: string, options: Pick<ReadOptions, 'preset' | 'map'> = {}): Promise<TicketDraft> {
  let found: TicketDraft | undefined;
  const stats = await readTickets(
    [file],
    (ticket) => {
      if (ticket.id !== id) return;
      found = { id, title: ticket.title, text: ticket.body, environment: [ticket.product, ticket.topic].filter(Boolean).join(', ') };
    },
    { ...options, keepRejections: 5 },
  );
  if (found) return found;
  const problem = stats.problems[0];
  if (problem) throw new Error(`${problem.file}:${problem.line}: ${problem.reason} [${problem.rule}]`);
  const preset = stats.files[0]?.preset;
  throw new Error(
    `Ticket ${id} not found in ${file} (${stats.accepted} tickets read${preset ? `, preset ${preset}` : ''}; name the id column with --map id=<column>)`,
  );
}
