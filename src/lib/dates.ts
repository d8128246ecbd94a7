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
 * How to fix a day that {@link parseDay} refused, for messages: German (day.month.year) and
 * ambiguous slashed orders are turned into the ISO day they mean, where that is a day; a day
 * past the month's end says how many days the month has and what it would have been rolled to.
 */
export function dayHint(text: string, field = 'reviewed'): string {
  const write = `write the day as YYYY-MM-DD, e.g. \`${field}: 2026-11-24\`.`;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (month < 1 || month > 12) return `${text} has no month ${iso[2]} (months are 01 to 12): ${write}`;
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const rolled = day > days ? ` (it would be read as ${isoDay(new Date(Date.UTC(year, month - 1, day)))})` : '';
    return `${MONTHS[month - 1]} ${year} has ${days} days, so ${text} is not a day${rolled}: ${write}`;
  }
  const day = (year: string, month: string, dayOfMonth: string) => {
    const candidate = `${year}-${month.padStart(2, '0')}-${dayOfMonth.padStart(2, '0')}`;
    return parseDay(candidate) ? candidate : undefined;
  };
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  const german = dotted && day(dotted[3]!, dotted[2]!, dotted[1]!);
  if (german) return `${text} (day.month.year) is ${german}: ${write}`;
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (slashed) {
    const readings = [
      [day(slashed[3]!, slashed[2]!, slashed[1]!), 'day/month/year'],
      [day(slashed[3]!, slashed[1]!, slashed[2]!), 'month/day/year'],
    ].filter(([candidate]) => candidate !== undefined);
    if (readings.length) return `${text} is ${readings.map(([candidate, order]) => `${candidate} as ${order}`).join(', ')}: ${write}`;
  }
  return `${write[0]!.toUpperCase()}${write.slice(1)}`;
}
