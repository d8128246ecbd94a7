import { analyseGaps, type GapsReport } from '../lib/gaps/analyse.ts';
import { settings } from './context.ts';

let gaps: Promise<GapsReport | undefined> | undefined;
/**
 * `kb gaps` over the ticket exports the build is given (KB_TICKETS=a.csv,b.json), analysed once
 * for both languages of the health page; undefined without exports.
 */
export function ticketGaps(): Promise<GapsReport | undefined> {
  const files = settings.tickets;
  gaps ??= files.length ? analyseGaps({ contentDir: settings.contentDir, root: settings.root, files }) : Promise.resolve(undefined);
  return gaps;
}
