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

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * How to fix a day that {@link parseDay} refused, for messages: German and US orders are turned
 * into the ISO day they mean (or both, when the order is ambiguous), a day past the month's end
 * says how many days the month has.
 */
export function dayHint(text: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (month < 1 || month > 12) return `${text} has no month ${month}: write the day as YYYY-MM-DD, e.g. ${year}-01-${iso[3]}.`;
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${MONTHS[month - 1]} ${year} has ${days} days, so ${text} is not a day${day > days ? ` (it would be read as ${isoDay(new Date(Date.UTC(year, month - 1, day)))})` : ''}: write the day of the review as YYYY-MM-DD.`;
  }
  const pad = (n: string) => n.padStart(2, '0');
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (dotted) return `Write the day as YYYY-MM-DD: ${text} (day.month.year) is ${dotted[3]}-${pad(dotted[2]!)}-${pad(dotted[1]!)}.`;
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (slashed)
    return `Write the day as YYYY-MM-DD: ${text} is ${slashed[3]}-${pad(slashed[2]!)}-${pad(slashed[1]!)} as day/month/year, ${slashed[3]}-${pad(slashed[1]!)}-${pad(slashed[2]!)} as month/day/year.`;
  return 'Write the day as YYYY-MM-DD without quotes, e.g. `reviewed: 2026-11-24`.';
}
