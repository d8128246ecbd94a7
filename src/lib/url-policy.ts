/**
 * The one URL policy of the knowledge base: which link and image targets an article may hold.
 * `kb check` reports a refused URL with its place, `kb import` drops it and reports it, and the
 * build refuses to compile an article that holds one, so all three agree.
 *
 * Browsers forgive a lot before they look at a scheme: they decode character references, drop
 * tabs and newlines anywhere, strip leading and trailing control characters and spaces, and
 * compare the scheme case-insensitively. The policy reads a URL the same way before deciding, so
 * `JaVaScRiPt:`, `java&#x09;script:`, `&#106;avascript:` and ` \x01javascript:` are all refused.
 */

/** Schemes allowed when `kb({ urlSchemes })` in astro.config.mjs says nothing else. */
export const DEFAULT_URL_SCHEMES: readonly string[] = ['http', 'https', 'mailto', 'tel'];

export type UrlVerdict =
  { allowed: true; kind: 'relative' | 'absolute'; scheme?: string } | { allowed: false; scheme: string | undefined; reason: string; hint: string };

const NAMED: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  sol: '/',
  amp: '&',
  lpar: '(',
  rpar: ')',
  period: '.',
  nbsp: '\u00a0',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
};

/** Character references as an HTML parser decodes them (also without the closing semicolon). */
function decodeReferences(text: string): string {
  let previous: string;
  let result = text;
  // twice at most: `&amp;#106;` decodes to `&#106;` in one HTML pass, which a second pass
  // (an importer that decodes again) would turn into `j`
  let rounds = 0;
  do {
    previous = result;
    result = result.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);?/g, (match, ref: string) => {
      if (ref[0] === '#') {
        const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
      }
      return NAMED[ref.toLowerCase()] ?? match;
    });
  } while (result !== previous && ++rounds < 2);
  return result;
}

// C0 controls, DEL and the invisible characters that hide a scheme from a human reader
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u2060\ufeff]/;

/**
 * Decides whether a URL may appear in an article. Relative URLs (`/en/…`, `../x/`, `#anchor`,
 * `image.png`) are allowed; absolute ones only with an allowed scheme. Anything holding control
 * characters is refused whatever its scheme, because browsers and importers disagree about them.
 */
export function checkUrl(raw: string, schemes: readonly string[] = DEFAULT_URL_SCHEMES): UrlVerdict {
  const decoded = decodeReferences(raw);
  const allowedList = schemes.map((s) => `${s}:`).join(', ');
  // a browser ignores leading and trailing spaces and controls, and removes tabs and newlines
  // eslint-disable-next-line no-control-regex -- control characters are what a browser strips here
  const trimmed = decoded.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(trimmed)?.[1]?.toLowerCase();
  if (CONTROL.test(decoded.replace(/^ +| +$/g, ''))) {
    return {
      allowed: false,
      scheme,
      reason: 'control or invisible characters',
      hint: 'Write the URL plainly: a URL with control characters, tabs or encoded spaces in its scheme hides where it leads.',
    };
  }
  if (scheme === undefined) {
    // `\\server\share` and `/\evil.example` are read by browsers as `//…`: another host
    if (/^[\\/]{2}/.test(trimmed.replace(/\\/g, '/'))) {
      return trimmed.startsWith('//') ? { allowed: true, kind: 'absolute' } : refusedBackslash();
    }
    return { allowed: true, kind: 'relative' };
  }
  if (schemes.includes(scheme)) return { allowed: true, kind: 'absolute', scheme };
  return {
    allowed: false,
    scheme,
    reason: `scheme \`${scheme}:\``,
    hint: `Allowed are ${allowedList} and relative links; a project can allow more schemes with \`urlSchemes\` in kb() in astro.config.mjs.`,
  };
}

function refusedBackslash(): UrlVerdict {
  return {
    allowed: false,
    scheme: undefined,
    reason: 'a backslash path',
    hint: 'Write links with forward slashes; `\\\\server\\share` paths do not work in a browser.',
  };
}

/** The message that check, import and build use for a refused URL. */
export function refusedUrlMessage(url: string, verdict: Extract<UrlVerdict, { allowed: false }>, kind: 'link' | 'image' = 'link'): string {
  const shown = JSON.stringify(url.length > 80 ? `${url.slice(0, 77)}...` : url);
  return `Unexpected ${kind} target ${shown} with ${verdict.reason}, expected a relative URL or one of the allowed schemes`;
}

/** True when a URL has a scheme (or starts with `//`), so it does not point into the site. */
export function isExternalUrl(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(url.trim()) || url.trim().startsWith('//');
}
