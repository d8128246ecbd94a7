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
