import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StaleArticle } from './article.ts';
import type { StaleProvider } from './reason.ts';

/** What `kb stale --tickets` hands to the ticket provider of `kb gaps`. */
export interface TicketProviderOptions {
  /** Ticket export files as given on the command line. */
  files: string[];
  contentDir: string;
  root: string;
  today: Date;
}

interface TicketModule {
  ticketStaleProvider?: (options: TicketProviderOptions) => StaleProvider<StaleArticle> | Promise<StaleProvider<StaleArticle>>;
}

/** Where `kb gaps` puts its provider. */
export const TICKET_PROVIDER_MODULE = new URL('../gaps/stale-provider.ts', import.meta.url);

/**
 * Loads `ticketStaleProvider(options)` from src/lib/gaps/stale-provider.ts (written for `kb gaps`).
 * Returns a reason string instead of a provider while that module does not exist yet, so the
 * command can say plainly that ticket reasons are not available.
 */
export async function loadTicketProvider(
  options: TicketProviderOptions,
  module: URL = TICKET_PROVIDER_MODULE,
): Promise<StaleProvider<StaleArticle> | string> {
  if (!existsSync(fileURLToPath(module))) {
    return 'Ticket reasons (ticket-escalations, ticket-reopened, unused) are not available: src/lib/gaps/stale-provider.ts does not exist yet.';
  }
  const mod = (await import(module.href)) as TicketModule;
  if (typeof mod.ticketStaleProvider !== 'function') {
    return 'Ticket reasons are not available: src/lib/gaps/stale-provider.ts does not export ticketStaleProvider(options).';
  }
  return mod.ticketStaleProvider(options);
}
