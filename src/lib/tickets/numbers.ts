/**
 * Numbers and priorities as exports write them. German exports (Excel, OTRS) use a decimal comma
 * and a dot between thousands: `1.234,5`; English ones the other way round: `1,234.5`.
 */

/** A number cell: `3`, `3,5`, `3.5`, `1.234,5`, `1,234.5`, `2 h`; undefined when it is no number. */
export function parseNumber(value: string): number | undefined {
  let text = value
    .trim()
    .replace(/\s*(h|std\.?|stunden|hours?)$/i, '')
    .replace(/\s/g, '');
  if (!text) return undefined;
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  // the separator that comes last is the decimal one; the other separates thousands
  if (comma > dot) text = text.replace(/\./g, '').replace(',', '.');
  else if (dot > comma && comma >= 0) text = text.replace(/,/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return undefined;
  return Number(text);
}

// most specific first: "sehr hoch" before "hoch", "very low" before "low"
const WORDS: [RegExp, number][] = [
  [/\b(sehr hoch|very high|kritisch|critical|blocker|highest|urgent|dringend|notfall|emergency)\b/, 5],
  [/\b(sehr niedrig|very low|lowest|trivial|planning|planung)\b/, 1],
  [/\b(hoch|high|major|wichtig|dringlich)\b/, 4],
  [/\b(niedrig|low|minor|gering)\b/, 2],
  [/\b(normal|mittel|medium|moderate|standard|mäßig)\b/, 3],
];

/**
 * A priority cell on a scale of 1 (very low) to 5 (very high). Words win (`4 hoch`, `1 - Critical`,
 * `very_low`); a bare number (`2`, `P2`) is read as the export counts: `rising` (OTRS: 5 very
 * high) or, as most systems do, 1 as the most urgent. Undefined when the cell says neither.
 */
export function parsePriority(value: string, rising = false): number | undefined {
  const text = value.toLowerCase().replace(/[_-]+/g, ' ');
  for (const [pattern, level] of WORDS) if (pattern.test(text)) return level;
  const digit = /^\s*p?([1-5])\b/.exec(text)?.[1];
  if (digit === undefined) return undefined;
  return rising ? Number(digit) : 6 - Number(digit);
}
