import { resolve } from 'node:path';
import { analyseGaps, type GapsReport } from '../lib/gaps/analyse.ts';

let gaps: Promise<GapsReport | undefined> | undefined;
/**
 * `kb gaps` over the ticket exports the build is given (KB_TICKETS=a.csv,b.json), analysed once
 * for both languages of the health page; undefined without exports.
 */
export function ticketGaps(): Promise<GapsReport | undefined> {
  const files = (process.env['KB_TICKETS'] ?? '').split(',').map((f) => f.trim()).filter(Boolean);
  gaps ??= files.length ? analyseGaps({ contentDir: resolve(import.meta.env.KB_CONTENT_DIR as string), root: process.cwd(), files }) : Promise.resolve(undefined);
  return gaps;
}
