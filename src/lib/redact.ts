/**
 * Personal data out of untrusted text: the one place that decides what is personal. The ticket
 * reader applies it to every ticket as it is read (src/lib/tickets/row-mapper.ts), so every
 * consumer (gaps, stale, the health page, `kb new --from-ticket`) only ever sees redacted text.
 *
 * Replaced: e-mail addresses, IBANs (any case and spacing), MAC addresses, IPv6 (also compressed)
 * and IPv4 addresses, phone numbers in German and international forms, secrets after a
 * password/PIN keyword, and the names of the ticket's people (requester, caller, assignee...),
 * whole and as first and last name. Kept on purpose (test/security/tickets-redact-precision):
 * product names with numbers, error codes, KB numbers, version numbers, dates and times.
 *
 * A million tickets pass through here in `kb gaps`: every rule sits behind a cheap test (an `@`,
 * a digit, a keyword) so that text without a candidate costs a few scans.
 */

/** What redacted text holds instead of the personal data. */
export const PLACEHOLDERS = {
  email: '[email]',
  iban: '[iban]',
  mac: '[mac]',
  ip: '[ip]',
  phone: '[phone]',
  secret: '[secret]',
  name: '[name]',
} as const;

const ANY_PLACEHOLDER = /\[(?:email|iban|mac|ip|phone|secret|name)\]/g;

/** Text without the placeholders, for term extraction: `[email]` must not become the topic "email". */
export function withoutPlaceholders(text: string): string {
  return text.includes('[') ? text.replace(ANY_PLACEHOLDER, ' ') : text;
}

// ---------------------------------------------------------------- e-mail

function isLocalChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2e ||
    code === 0x5f ||
    code === 0x2d ||
    code === 0x2b ||
    code === 0x25 ||
    code === 0x27 ||
    (code >= 0xc0 && code <= 0x24f)
  );
}

function isDomainChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2e ||
    code === 0x2d ||
    (code >= 0xc0 && code <= 0x24f)
  );
}

const TLD = /\.[A-Za-z\u00c0-\u024f]{2,}$/;

/** Scans from each `@` outwards instead of trying a pattern at every position of the text. */
function redactEmails(text: string): string {
  let at = text.indexOf('@');
  let out = '';
  let copied = 0;
  while (at >= 0) {
    let start = at;
    while (start > copied && isLocalChar(text.charCodeAt(start - 1))) start--;
    while (start < at && text.charCodeAt(start) === 0x2e) start++;
    let end = at + 1;
    while (end < text.length && isDomainChar(text.charCodeAt(end))) end++;
    while (end > at + 1 && (text.charCodeAt(end - 1) === 0x2e || text.charCodeAt(end - 1) === 0x2d)) end--;
    if (start < at && TLD.test(text.slice(at + 1, end))) {
      out += text.slice(copied, start) + PLACEHOLDERS.email;
      copied = end;
    }
    at = text.indexOf('@', Math.max(end, at + 1));
  }
  return copied === 0 ? text : out + text.slice(copied);
}

// ---------------------------------------------------------------- secrets

const LETTER_OR_DIGIT = /[A-Za-z\u00c0-\u024f\d]/;
// the keyword anywhere (a cheap scan), then what follows it, tried only where a keyword is:
// `:`/`=` or a verb ("ist", "lautet", "is"), then the value up to a space. Letters are spelled
// out as ranges: the `u` flag would make every pattern here about twice as slow.
const SECRET_KEYWORD = /passw(?:or[dt]|d)|kennwort|pwd|pin(?:-?code)?|passcode|zugangscode/gi;
const SECRET_VALUE = /((?:\s*(?:ist|is|lautet|war|was|wäre)(?![A-Za-z\u00c0-\u024f]))?(?:\s*[:=]\s*|\s+))([^\s,;]+)/iy;

/** A value after a bare keyword is a secret only when it looks like one: digits, symbols or mixed case. */
function looksSecret(value: string): boolean {
  // quotes and punctuation around a word do not make it a secret ("gesperrt.", "‘reset’")
  let start = 0;
  let end = value.length;
  while (start < end && QUOTES.includes(value[start] as string)) start++;
  while (end > start && (QUOTES.includes(value[end - 1] as string) || '.,;:!?'.includes(value[end - 1] as string))) end--;
  let letters = 0;
  let other = false;
  let mixed = false;
  for (let i = start; i < end; i++) {
    const code = value.charCodeAt(i);
    const lower = (code >= 0x61 && code <= 0x7a) || (code >= 0xdf && code <= 0xff);
    const upper = (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0xde);
    if (lower || upper || (code >= 0x100 && code <= 0x24f)) letters++;
    else other = true;
    if (upper && i > start && isLowerAt(value, i - 1)) mixed = true;
  }
  return (other && (letters > 0 || end - start >= 3)) || mixed;
}

const QUOTES = `"'‘’“”«»()`;

function isLowerAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return (code >= 0x61 && code <= 0x7a) || (code >= 0xdf && code <= 0xff);
}

function redactSecrets(text: string): string {
  let out = '';
  let copied = 0;
  SECRET_KEYWORD.lastIndex = 0;
  for (let keyword = SECRET_KEYWORD.exec(text); keyword; keyword = SECRET_KEYWORD.exec(text)) {
    const end = SECRET_KEYWORD.lastIndex;
    // a whole word: not "shipping", not "Passwortänderung"
    if ((keyword.index > 0 && LETTER_OR_DIGIT.test(text[keyword.index - 1] as string)) || LETTER_OR_DIGIT.test(text[end] ?? ' ')) continue;
    SECRET_VALUE.lastIndex = end;
    const after = SECRET_VALUE.exec(text);
    if (!after) continue;
    const [, separator = '', value = ''] = after;
    if (value.startsWith('[') || !(/[:=]/.test(separator) || looksSecret(value))) continue;
    out += text.slice(copied, end + separator.length) + PLACEHOLDERS.secret;
    copied = end + separator.length + value.length;
    SECRET_KEYWORD.lastIndex = copied;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

// ---------------------------------------------------------------- IBAN

/** IBAN length per country (the SWIFT registry's common entries). */
const IBAN_LENGTH: Record<string, number> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MR: 27,
  MT: 31,
  MU: 30,
  NL: 18,
  NO: 15,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  SA: 24,
  SC: 31,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
};

function ibanChecksumOk(compact: string): boolean {
  const moved = compact.slice(4) + compact.slice(0, 4);
  let rest = 0;
  for (const char of moved) {
    const code = char.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    rest = value >= 10 ? (rest * 100 + value) % 97 : (rest * 10 + value) % 97;
  }
  return rest === 1;
}

const IBAN = /(?<![A-Za-z\u00c0-\u024f\d])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){10,30}/g;

/**
 * The candidate runs on into the following words ("DE89 3704 … 00 bitte"): the IBAN is its first
 * letters and digits, as many as its country's IBANs have.
 */
function redactIbans(text: string): string {
  return text.replace(IBAN, (candidate: string) => {
    const compact = candidate.replace(/[ -]/g, '').toUpperCase();
    const length = IBAN_LENGTH[compact.slice(0, 2)];
    if (length === undefined || compact.length < length) return candidate;
    const iban = compact.slice(0, length);
    // where the `length`-th letter or digit ends in the candidate
    let seen = 0;
    let end = 0;
    while (end < candidate.length && seen < length) if (/[A-Za-z0-9]/.test(candidate[end++] as string)) seen++;
    if (!ibanChecksumOk(iban)) {
      // a mistyped or made-up IBAN is still one when it ends at a word boundary and its account
      // part is mostly digits; a longer code (a serial number) or a sentence is not
      const next = candidate[end];
      if (next !== undefined && /[A-Za-z0-9]/.test(next)) return candidate;
      if (digitsOf(iban.slice(4)) * 2 < length - 4) return candidate;
    }
    return PLACEHOLDERS.iban + candidate.slice(end);
  });
}

// ---------------------------------------------------------------- MAC, IPv6, IPv4

const MAC = /(?<![\w:.-])(?:[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![\w:-])/g;

// patterns that start with a separator are found faster than ones that start with any hex digit
const MAC_HINT = /[:-][0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-]|\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}/;

const IPV6 =
  /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}|[0-9A-Fa-f]{0,4})(?:%[\w.]+)?(?:\/\d{1,3})?(?![\w:])/g;

function isIpv6(candidate: string): boolean {
  const address = candidate.replace(/%.*$|\/\d+$/, '');
  if (!/\d/.test(address)) return false;
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h ? h.split(':') : []));
  const v4 = groups.at(-1)?.includes('.') ? 2 : 0;
  const count = groups.length + v4 - (v4 ? 1 : 0);
  if (groups.some((g, i) => !(g.length >= 1 && g.length <= 4) && !(i === groups.length - 1 && g.includes('.')))) return false;
  return halves.length === 2 ? count <= 7 && groups.length >= 1 : count === 8;
}

const IPV4 = /(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\/\d{1,2})?(?::\d{1,5})?(?!\w|\.\d)/g;
// "Version 2.1.0.12", "Build 1.0.0.1": a four-part version, not an address
const VERSION_BEFORE = /(?:version|vers\.|ver\.|build|release|firmware|treiber|driver|patch|stand|update)\s*$/i;

function colons(text: string): number {
  let n = 0;
  for (let at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) n++;
  return n;
}

function redactAddresses(text: string): string {
  let out = text;
  if (MAC_HINT.test(out)) out = out.replace(MAC, PLACEHOLDERS.mac);
  if (out.includes('::') || colons(out) >= 7) out = out.replace(IPV6, (candidate: string) => (isIpv6(candidate) ? PLACEHOLDERS.ip : candidate));
  if (out.includes('.')) {
    out = out.replace(IPV4, (candidate: string, offset: number, whole: string) =>
      VERSION_BEFORE.test(whole.slice(Math.max(0, offset - 12), offset)) ? candidate : PLACEHOLDERS.ip,
    );
  }
  return out;
}

// ---------------------------------------------------------------- phone numbers

// a run of digit groups with spaces, slashes, dashes and parentheses between them; split into
// numbers and checked below
const PHONE_RUN = /(?<![A-Za-z\u00c0-\u024f\d+/.-])[+(]?\d[\d ()/-]*\d(?![A-Za-z\u00c0-\u024f\d]|[.,:]\d)/g;
const DATE_LIKE = /^\d{1,2}[/-]\d{1,2}[/-]\d{2,4}$|^\d{4}[/-]\d{1,2}[/-]\d{1,2}$/;

function digitsOf(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) n++;
  }
  return n;
}

/** One number of a run: `+49 (0)30 1234567`, `(030) 1234567`, `030/1234567`, `0170 1234567`, `0049 …`. */
function isPhone(number: string): boolean {
  const text = number.trim();
  if (DATE_LIKE.test(text)) return false;
  const digits = digitsOf(text);
  const international = /^(?:\+|00)[1-9]/.test(text);
  const national = /^\(?0[1-9]/.test(text);
  if (!international && !national) return false;
  if (digits > 16) return false;
  // a compact number needs more digits than one with its groups separated
  return /[ ()/-]/.test(text) ? digits >= 7 : digits >= 9;
}

/**
 * A run may hold several numbers ("+49 30 1234567 / 030-98765432"): a group that starts with
 * `+`, `00`, `0` or `(0` starts a new number once the current one has enough digits.
 */
function redactPhoneRun(run: string): string {
  const groups = run.match(/[ ()/-]*[^ ()/-]+|[ ()/-]+$/g) ?? [run];
  const numbers: string[] = [];
  let current = '';
  for (const group of groups) {
    const core = group.replace(/^[ /-]+/, '');
    const starts = /^(?:\+|00|\(?0)/.test(core) && !/^\(0\)/.test(core);
    if (current && starts && digitsOf(current) >= 7) {
      numbers.push(current);
      current = group;
    } else current += group;
  }
  if (current) numbers.push(current);
  return numbers
    .map((n) => {
      const lead = /^[ /-]*/.exec(n)?.[0] ?? '';
      const body = n.slice(lead.length);
      return isPhone(body) ? lead + PLACEHOLDERS.phone : n;
    })
    .join('');
}

function redactPhones(text: string): string {
  return text.replace(PHONE_RUN, (run: string) => (digitsOf(run) >= 7 ? redactPhoneRun(run) : run));
}

// ---------------------------------------------------------------- people

// words that name roles, not people, in exported person columns ("Opened by 8", "Service Desk")
const NOT_NAMES = new Set(
  'and the von van der den des die das und mit for team group gruppe support service desk admin administrator system user benutzer kunde customer agent caller opened created updated resolved closed by unknown none null nan n/a herr frau mr mrs ms dr prof'.split(
    ' ',
  ),
);

/** The names to look for, made once per row from its person cells (see `personNames`). */
export type PersonNames = readonly string[];

/**
 * Names in person cells ("Anna Berg", "Berg, Anna", "anna.berg@firma.de"): the whole value and
 * each part of at least three letters that is not a role word, longest first.
 */
export function personNames(values: readonly string[]): PersonNames {
  const names = new Set<string>();
  for (const raw of values) {
    const value = raw.trim();
    if (!value || value.length > 200) continue;
    const at = value.indexOf('@');
    const base = at > 0 ? value.slice(0, at) : value;
    const parts = base.split(/[\s,;.()_"'<>/|-]+/).filter((part) => part.length >= 3 && /^\p{L}+$/u.test(part) && !NOT_NAMES.has(part.toLowerCase()));
    if (at < 0 && value.length >= 3 && parts.length) names.add(value.toLowerCase());
    for (const part of parts) names.add(part.toLowerCase());
  }
  return [...names].sort((a, b) => b.length - a.length);
}

function isWordChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code >= 0xc0;
}

function redactNames(text: string, names: PersonNames): string {
  let lower = text.toLowerCase();
  // lower-casing keeps the length for the letters names are made of; otherwise give up on offsets
  if (lower.length !== text.length) lower = text;
  let out = text;
  let low = lower;
  for (const name of names) {
    let at = low.indexOf(name);
    if (at < 0) continue;
    let next = '';
    let nextLow = '';
    let copied = 0;
    while (at >= 0) {
      const end = at + name.length;
      if ((at === 0 || !isWordChar(low.charCodeAt(at - 1))) && (end === low.length || !isWordChar(low.charCodeAt(end)))) {
        next += out.slice(copied, at) + PLACEHOLDERS.name;
        nextLow += low.slice(copied, at) + PLACEHOLDERS.name;
        copied = end;
      }
      at = low.indexOf(name, end);
    }
    if (copied) {
      out = next + out.slice(copied);
      low = nextLow + low.slice(copied);
    }
  }
  return out;
}

// ---------------------------------------------------------------- all together

const DIGIT = /\d/;

/** Untrusted text with its personal data replaced by placeholders; `people` from `personNames`. */
export function redact(text: string, people?: PersonNames): string {
  if (!text) return text;
  let out = text.includes('@') ? redactEmails(text) : text;
  out = redactSecrets(out);
  if (DIGIT.test(out)) out = redactPhones(redactAddresses(redactIbans(out)));
  if (people?.length) out = redactNames(out, people);
  return out;
}
