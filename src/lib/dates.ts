/**
 * Days, in one place: the strict `YYYY-MM-DD` reader behind every `--today` (kb stale, gaps,
 * new, import), `KB_TODAY` and imported dates, and the UTC day arithmetic of the reports.
 */
const DAY = 86_400_000;

/** Midnight UTC of a date: frontmatter dates are UTC days, so all day arithmetic happens in UTC. */
export function utcDay(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((utcDay(to) - utcDay(from)) / DAY);
}

export function addDays(date: Date, days: number): Date {
  return new Date(utcDay(date) + days * DAY);
}

/** `YYYY-MM-DD`. */
export function isoDay(date: Date): string {
  return new Date(utcDay(date)).toISOString().slice(0, 10);
}

/** Parses `YYYY-MM-DD` strictly (a typo must not silently become another day); undefined when invalid. */
export function parseDay(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return isoDay(date) === text ? date : undefined;
}

/** The message for a day that does not parse, the same for every option and variable. */
export function unexpectedDay(name: string, value: string): string {
  return `Unexpected ${name} "${value}", expected a day as YYYY-MM-DD`;
}

/**
 * The day a run is for: `--today` (or `KB_TODAY`) read strictly, else today in UTC. Throws with
 * {@link unexpectedDay} for a day that does not exist (2026-02-31) or is not `YYYY-MM-DD`.
 */
export function dayOfRun(value: string | undefined, name = '--today', now: Date = new Date()): Date {
  if (value === undefined) return new Date(utcDay(now));
  const day = parseDay(value);
  if (!day) throw new RangeError(unexpectedDay(name, value));
  return day;
}
