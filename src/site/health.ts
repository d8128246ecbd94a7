// The knowledge-health data of this build, computed once and shared by the page (both languages)
// and the downloads (/health/stale.csv, /health/stale.json).
import { parseDay } from '../lib/dates.ts';
import { cachedHealthData, type HealthData } from '../lib/stale/health.ts';
import { settings } from './context.ts';

/** The day the report is for: KB_TODAY (reproducible builds and tests) or the build day, read once by the integration. */
export function healthDay(): Date {
  return parseDay(settings.today)!;
}

export async function siteHealthData(): Promise<HealthData> {
  return cachedHealthData({ contentDir: settings.contentDir, root: settings.root, today: healthDay(), reviewEvery: settings.reviewEvery });
}
