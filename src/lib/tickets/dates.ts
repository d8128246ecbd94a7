/**
 * Dates as ticket systems export them. Parsing is hand-rolled for speed (a million rows hold two
 * million dates) and strict: impossible dates such as 31.02.2026 are errors, not rolled over.
 * Times without a zone are read as UTC so reports are the same on every machine.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  mär: 3,
  mrz: 3,
  apr: 4,
  may: 5,
  mai: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  okt: 10,
  nov: 11,
  dec: 12,
  dez: 12,
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*Uhr)?)?$/i;
const DASHED = /^(\d{1,2})-(\d{1,2})-(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;
const JIRA = /^(\d{1,2})[/ -]([A-Za-zä]{3})[/ -](\d{4}|\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;

function year(text: string): number {
  const value = Number(text);
  return text.length === 2 ? 2000 + value : value;
}

function hour(text: string | undefined, meridiem: string | undefined): number {
  let value = Number(text ?? 0);
  if (meridiem) {
    const pm = meridiem.toUpperCase() === 'PM';
    if (value === 12) value = pm ? 12 : 0;
    else if (pm) value += 12;
  }
  return value;
}

function build(y: number, m: number, d: number, h: number, min: number, s: number, offsetMinutes = 0): Date | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || h > 23 || min > 59 || s > 59) return null;
  const date = new Date(Date.UTC(y, m - 1, d, h, min, s) - offsetMinutes * 60_000);
  // a day that does not exist in its month (31.02.) rolls over in Date.UTC; catch it
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCDate() !== d || check.getUTCMonth() !== m - 1) return null;
  return date;
}

function zone(text: string | undefined): number {
  if (!text || text.toUpperCase() === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
}

/**
 * Parses a date cell. Returns undefined for an empty cell and null for text that is not a date
 * (the caller rejects the row). `slashDates` says how to read `03/04/2026`.
 */
export function parseDate(value: string, slashDates: 'dmy' | 'mdy' = 'mdy'): Date | undefined | null {
  const text = value.trim();
  if (text === '' || text === '?' || text.toLowerCase() === 'null') return undefined;
  let m = ISO.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), zone(m[7]));
  m = DOTTED.exec(text);
  if (m) return build(year(m[3] as string), Number(m[2]), Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  m = DASHED.exec(text);
  if (m) return build(Number(m[3]), Number(m[2]), Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  m = JIRA.exec(text);
  if (m) {
    const month = MONTHS[(m[2] as string).toLowerCase()];
    if (!month) return null;
    return build(year(m[3] as string), month, Number(m[1]), hour(m[4], m[7]), Number(m[5] ?? 0), Number(m[6] ?? 0));
  }
  m = SLASHED.exec(text);
  if (m) {
    const first = Number(m[1]);
    const second = Number(m[2]);
    // a first number above 12 can only be a day, whatever the export's habit
    const [d, mo] = slashDates === 'dmy' || first > 12 ? [first, second] : [second, first];
    return build(year(m[3] as string), mo, d, hour(m[4], m[7]), Number(m[5] ?? 0), Number(m[6] ?? 0));
  }
  return null;
}
