// The knowledge-health data of this build, computed once and shared by the page (both languages)
// and the downloads (/health/stale.csv, /health/stale.json).
import { resolve } from 'node:path';
import { loadKbConfig } from '../lib/config.ts';
import { parseDay } from '../lib/stale/dates.ts';
import { cachedHealthData, type HealthData } from '../lib/stale/health.ts';

/** The day the report is for: KB_TODAY (reproducible builds and tests) or the build day. */
export function healthDay(): Date {
  const today = parseDay(process.env['KB_TODAY'] ?? new Date().toISOString().slice(0, 10));
  if (!today) throw new Error(`KB_TODAY must be a day as YYYY-MM-DD, got "${process.env['KB_TODAY']}"`);
  return today;
}

export async function siteHealthData(): Promise<HealthData> {
  const config = await loadKbConfig();
  return cachedHealthData({
    contentDir: resolve(import.meta.env.KB_CONTENT_DIR as string),
    root: config.root,
    today: healthDay(),
    reviewEvery: config.reviewEvery,
  });
}
