/**
 * Error codes reach us in many spellings: `0x80070005`, `80070005`, `ERR-0x80070005`,
 * `0X80070005`. Search tokenizers split or keep them differently, so every article indexes all
 * common spellings and every tool compares codes by their canonical form.
 */

const PREFIX = /^(?:err(?:or)?[-_ :#]?)/i;
const HEX_PREFIX = /^0x/i;
const HEX_BODY = /^[0-9a-f]{4,16}$/i;

/** Canonical form: no `ERR-` or `0x` prefix, upper case (`80070005`, `AADSTS50076`). */
export function canonicalErrorCode(code: string): string {
  return code.trim().replace(PREFIX, '').replace(HEX_PREFIX, '').toUpperCase();
}

/** Whether a code is a hexadecimal value such as an HRESULT (`0x80070005`). */
export function isHexCode(code: string): boolean {
  const trimmed = code.trim().replace(PREFIX, '');
  if (HEX_PREFIX.test(trimmed)) return HEX_BODY.test(trimmed.slice(2));
  // eight hex digits starting with 8 or C are HRESULTs written without their 0x
  return /^[8c][0-9a-f]{7}$/i.test(trimmed);
}

/** Every spelling users type for a code; all of them are indexed for search. */
export function errorCodeVariants(code: string): string[] {
  const canonical = canonicalErrorCode(code);
  const variants = new Set<string>([code.trim(), canonical, `ERR-${canonical}`]);
  if (isHexCode(code)) {
    variants.add(`0x${canonical}`);
    variants.add(`0x${canonical.toLowerCase()}`);
    variants.add(`ERR-0x${canonical}`);
    variants.add(canonical.toLowerCase());
    // Windows writes Win32 codes zero-padded (0x00000709); people write them short (0x709)
    const short = canonical.replace(/^0+(?=[0-9A-F])/, '');
    if (short !== canonical) {
      variants.add(`0x${short}`);
      variants.add(`0x${short.toLowerCase()}`);
    }
  }
  return [...variants];
}

// Every code holds a digit, except eight hex letters that start with C (an HRESULT such as
// CAFEBABE): text with neither, most ticket text, skips the pattern below, which tries three
// shapes at every word and cost a million tickets seconds.
const MAY_HOLD_CODE = /[0-9]|c[a-f]{7}/i;

/** Finds error-code-like tokens in free text (ticket text, search queries). */
export function findErrorCodes(text: string): string[] {
  if (!MAY_HOLD_CODE.test(text)) return [];
  const found = new Set<string>();
  const pattern = /\b(?:err(?:or)?[-_ :#]?)?(0x[0-9a-f]{4,16}|[0-9a-f]{8}|[A-Z]{2,10}[-_]?\d{3,8})\b/gi;
  for (const match of text.matchAll(pattern)) {
    const token = match[1] ?? '';
    // eight bare hex digits count only as HRESULTs, so dates and ids (20260101) are not codes
    if (/^[0-9a-f]{8}$/i.test(token) && !isHexCode(token)) continue;
    found.add(canonicalErrorCode(token));
  }
  return [...found];
}
