/** One piece of raw HTML as found inside Markdown. */
export type HtmlToken =
  | { kind: 'text'; value: string; offset: number }
  | { kind: 'comment'; value: string; offset: number }
  | { kind: 'open'; name: string; raw: string; attrs: Record<string, string | null>; selfClosing: boolean; offset: number }
  | { kind: 'close'; name: string; raw: string; offset: number };

const TOKEN =
  /<!--([^]*?)(?:-->|$)|<\/([A-Za-z][\w:-]*)\s*>|<([A-Za-z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>|<!?[^<]*?>|[^<]+|</g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Splits raw HTML into text, comments, open and close tags. Never throws; stray `<` is text. */
export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  for (const m of html.matchAll(TOKEN)) {
    const offset = m.index;
    if (m[1] !== undefined) tokens.push({ kind: 'comment', value: m[1], offset });
    else if (m[2]) tokens.push({ kind: 'close', name: m[2].toLowerCase(), raw: m[0], offset });
    else if (m[3]) {
      const attrs: Record<string, string | null> = {};
      for (const a of (m[4] ?? '').matchAll(ATTR)) attrs[a[1]!.toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '') || (a[0].includes('=') ? '' : null);
      tokens.push({ kind: 'open', name: m[3], raw: m[0], attrs, selfClosing: m[5] === '/', offset });
    } else tokens.push({ kind: 'text', value: m[0], offset });
  }
  return tokens;
}

/** Elements that never have content. */
export const VOID = new Set(['br', 'img', 'hr', 'wbr', 'col', 'source', 'input']);

/** Elements that hold blocks: in flow position they wrap the Markdown that follows until their end tag. */
export const FLOW = new Set([
  'details',
  'summary',
  'div',
  'section',
  'center',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'colgroup',
  'hr',
]);

/**
 * Elements with no Markdown form that run code or embed other documents: the importer removes
 * them with their content and reports them (with the embed's source), in HTML pages and in the
 * raw HTML of Markdown sources alike.
 */
export const DROPPED = new Set([
  'script',
  'style',
  'iframe',
  'video',
  'audio',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'canvas',
  'svg',
  'noscript',
]);

/** The reason and hint of an `html-dropped` issue. */
export function droppedMessage(name: string, source: unknown): { reason: string; hint: string } {
  return {
    reason: `Unexpected <${name}>, expected content with a Markdown form (removed${source ? `, source ${String(source)}` : ''})`,
    hint: 'Replace embeds with a link or a screenshot.',
  };
}

/** Inline elements kept as JSX (those with a Markdown form are converted instead). */
export const PHRASING = new Set([
  'a',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'strike',
  'del',
  'ins',
  'code',
  'tt',
  'kbd',
  'samp',
  'var',
  'sup',
  'sub',
  'span',
  'small',
  'mark',
  'abbr',
  'cite',
  'q',
  'font',
  'big',
  'br',
  'img',
  'wbr',
  'label',
  'time',
  'dfn',
  'nobr',
]);

/**
 * Whether `<name>` is real HTML rather than a placeholder such as `<user>` or `<ServerName>`:
 * a known element, written in lower case or closed later in the same text.
 */
export function isHtmlElement(name: string, closedLater: boolean): boolean {
  const lower = name.toLowerCase();
  if (!FLOW.has(lower) && !PHRASING.has(lower) && !VOID.has(lower) && !DROPPED.has(lower)) return false;
  return name === lower || (name === name.toUpperCase() && name.length <= 2) || closedLater;
}

const NAMED: Record<string, string> = {
  nbsp: '\u00a0',
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  copy: '©',
  reg: '®',
  trade: '™',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  bull: '•',
  times: '×',
  rarr: '→',
};

/** Decodes numeric and common named character references; unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (all, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : all;
    }
    return NAMED[ref.toLowerCase()] ?? all;
  });
}

/** Attributes that are safe to pass to Astro's JSX as strings; `style` and event handlers are not. */
export function jsxAttributes(name: string, attrs: Record<string, string | null>): { kept: [string, string | null][]; dropped: string[] } {
  const kept: [string, string | null][] = [];
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'style' || key.startsWith('on') || !/^[a-z][a-z0-9-]*$/.test(key)) dropped.push(key);
    else if (key === 'name' && name === 'a') kept.push(['id', value]);
    else kept.push([key, value]);
  }
  return { kept, dropped };
}
