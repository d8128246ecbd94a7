import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/lib/tickets/dates.ts';

const iso = (value: string, slash?: 'dmy' | 'mdy') => parseDate(value, slash)?.toISOString();

describe('dates as ticket systems export them', () => {
  it('reads ISO, OTRS, Jira and slashed dates as UTC', () => {
    expect(iso('2026-11-22 14:03')).toBe('2026-11-22T14:03:00.000Z');
    expect(iso('2026-11-22T14:03:00+01:00')).toBe('2026-11-22T13:03:00.000Z');
    expect(iso('22.11.2026 14:03:00')).toBe('2026-11-22T14:03:00.000Z');
    expect(iso('12/Mar/24 9:41 AM')).toBe('2024-03-12T09:41:00.000Z');
    expect(iso('12/Mär/24 9:41 PM')).toBe('2024-03-12T21:41:00.000Z');
  });

  it("reads slashed dates in the export's order, and a first number above 12 as the day", () => {
    expect(iso('03/04/2026')).toBe('2026-03-04T00:00:00.000Z');
    expect(iso('03/04/2026', 'dmy')).toBe('2026-04-03T00:00:00.000Z');
    expect(iso('25/04/2026 12:30 AM')).toBe('2026-04-25T00:30:00.000Z');
  });

  it('rejects impossible dates and tells empty cells apart', () => {
    expect(parseDate('31.02.2026')).toBeNull();
    expect(parseDate('2026-13-01')).toBeNull();
    expect(parseDate('soon')).toBeNull();
    expect(parseDate('  ')).toBeUndefined();
    expect(parseDate('NULL')).toBeUndefined();
  });
});
