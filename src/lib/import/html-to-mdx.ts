import type { Heading, Html, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { DROPPED, FLOW, VOID, decodeEntities, droppedMessage, isHtmlElement, jsxAttributes, tokenizeHtml, type HtmlToken } from './html-tokens.ts';
import type { IssuePlace, IssueSink } from './issues.ts';

/** Elements whose end tag HTML lets authors leave out: not closing them loses nothing. */
const OPTIONAL_END = new Set(['p', 'li', 'td', 'th', 'tr', 'dt', 'dd', 'thead', 'tbody', 'tfoot', 'option', 'colgroup', 'caption']);

function reportUnclosed(name: string, place: IssuePlace | undefined, sink: IssueSink): void {
  if (OPTIONAL_END.has(name)) sink.add('html-unclosed', `Unexpected unclosed <${name}>, expected </${name}> (tag removed, content kept)`, place, 'info');
  else
    sink.add(
      'html-unclosed',
      `Unexpected unclosed <${name}>, expected </${name}> (tag removed, content kept)`,
      place,
      'warning',
      `Close the <${name}> element in the source.`,
    );
}

const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'mdxJsxTextElement']);

/** A place inside an html node: the node's start plus the token's offset within its value. */
function placeIn(node: Html, offset: number): IssuePlace | undefined {
  const start = node.position?.start;
  if (!start) return undefined;
  const before = node.value.slice(0, offset);
  const lines = before.split('\n');
  return lines.length === 1 ? { line: start.line, column: start.column + offset } : { line: start.line + lines.length - 1, column: lines.at(-1)!.length + 1 };
}

function comment(value: string): string {
  return `/*${value.replace(/\*\//g, '* /')}*/`;
}

function attrs(name: string, raw: Record<string, string | null>, sink: IssueSink, place: IssuePlace | undefined): MdxJsxAttribute[] {
  const { kept, dropped } = jsxAttributes(name, raw);
  if (dropped.length)
    sink.add(
      'html-attribute',
      `Unexpected attribute${dropped.length > 1 ? 's' : ''} ${dropped.map((d) => `\`${d}\``).join(', ')} on <${name}>, expected plain HTML attributes (removed)`,
      place,
      'info',
    );
  return kept.map(([key, value]) => ({ type: 'mdxJsxAttribute', name: key, value }));
}

interface Frame {
  name: string;
  token?: Extract<HtmlToken, { kind: 'open' }> | undefined;
  place?: IssuePlace | undefined;
  children: PhrasingContent[];
}

/** Turns one closed inline element into mdast: Markdown where it has a form, JSX otherwise. */
function inlineElement(frame: Frame, sink: IssueSink): PhrasingContent[] {
  const name = frame.name;
  const raw = frame.token?.attrs ?? {};
  switch (name) {
    case 'b':
    case 'strong':
      return [{ type: 'strong', children: frame.children }];
    case 'i':
    case 'em':
      return [{ type: 'emphasis', children: frame.children }];
    case 's':
    case 'strike':
    case 'del':
      return [{ type: 'delete', children: frame.children }];
    case 'code':
    case 'tt':
      return [{ type: 'inlineCode', value: toString({ type: 'paragraph', children: frame.children }) }];
    case 'a':
      if (raw['href']) return [{ type: 'link', url: raw['href'], children: frame.children }];
  }
  const element: MdxJsxTextElement = { type: 'mdxJsxTextElement', name, attributes: attrs(name, raw, sink, frame.place), children: frame.children };
  return [element];
}

/** A void or self-contained inline element (`<br>`, `<img>`, `<a name>`). */
function voidElement(token: Extract<HtmlToken, { kind: 'open' }>, sink: IssueSink, place: IssuePlace | undefined): PhrasingContent {
  const name = token.name.toLowerCase();
  if (name === 'img')
    return {
      type: 'image',
      url: token.attrs['src'] ?? '',
      alt: token.attrs['alt'] ?? '',
      title: token.attrs['title'] ?? null,
      position: place ? { start: { ...place }, end: { ...place } } : undefined,
    };
  return { type: 'mdxJsxTextElement', name, attributes: attrs(name, token.attrs, sink, place), children: [] };
}

function isAnchor(token: Extract<HtmlToken, { kind: 'open' }>): boolean {
  return token.name.toLowerCase() === 'a' && !token.attrs['href'] && (token.attrs['name'] != null || token.attrs['id'] != null);
}

/**
 * Converts the raw HTML among phrasing children into Markdown and JSX: `<b>` to strong, `<br>`
 * to `<br />`, `<a name>` to `<a id />`, comments to MDX comment expressions, placeholders like `<user>` to
 * text. Unclosed tags lose the tag, never the content; both are reported.
 */
export function convertInlineHtml(children: readonly PhrasingContent[], sink: IssueSink): PhrasingContent[] {
  const root: Frame = { name: '', children: [] };
  const stack: Frame[] = [root];
  const top = () => stack.at(-1)!;
  const closes = new Set<string>();
  for (const child of children) if (child.type === 'html') for (const t of tokenizeHtml(child.value)) if (t.kind === 'close') closes.add(t.name);
  let anchorOpen = 0;
  // a <script>, <iframe>, ... being removed with everything up to its end tag
  let dropping: string | undefined;
  for (const child of children) {
    if (child.type !== 'html') {
      if (!dropping) top().children.push(child);
      continue;
    }
    for (const token of tokenizeHtml(child.value)) {
      const place = placeIn(child, token.offset);
      if (dropping) {
        if (token.kind === 'close' && token.name === dropping) dropping = undefined;
      } else if (token.kind === 'text') top().children.push({ type: 'text', value: decodeEntities(token.value) });
      else if (token.kind === 'comment') top().children.push({ type: 'mdxTextExpression', value: comment(token.value) } as PhrasingContent);
      else if (token.kind === 'open') {
        const name = token.name.toLowerCase();
        if (!isHtmlElement(token.name, closes.has(name))) top().children.push({ type: 'text', value: token.raw });
        else if (DROPPED.has(name)) {
          const { reason, hint } = droppedMessage(name, token.attrs['src'] ?? token.attrs['data']);
          sink.add('html-dropped', reason, place, 'warning', hint);
          if (!VOID.has(name) && !token.selfClosing && closes.has(name)) dropping = name;
        } else if (isAnchor(token)) {
          top().children.push(voidElement(token, sink, place));
          anchorOpen++;
        } else if (VOID.has(name) || token.selfClosing) top().children.push(voidElement(token, sink, place));
        else stack.push({ name, token, place, children: [] });
      } else {
        const at = stack.findLastIndex((f) => f.name === token.name);
        if (at > 0) {
          while (stack.length - 1 > at) unwrap(stack, sink);
          const frame = stack.pop()!;
          top().children.push(...inlineElement(frame, sink));
        } else if (token.name === 'a' && anchorOpen > 0) anchorOpen--;
        else if (token.name === 'br') top().children.push({ type: 'mdxJsxTextElement', name: 'br', attributes: [], children: [] });
        else if (!isHtmlElement(token.name, true)) top().children.push({ type: 'text', value: token.raw });
        else sink.add('html-unopened', `Unexpected closing tag </${token.name}>, expected a matching <${token.name}> before it (removed)`, place, 'info');
      }
    }
  }
  while (stack.length > 1) unwrap(stack, sink);
  return root.children;
}

function unwrap(stack: Frame[], sink: IssueSink): void {
  const frame = stack.pop()!;
  reportUnclosed(frame.name, frame.place, sink);
  const id = frame.token?.attrs['id'] ?? frame.token?.attrs['name'];
  if (id) stack.at(-1)!.children.push({ type: 'mdxJsxTextElement', name: 'a', attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: id }], children: [] });
  stack.at(-1)!.children.push(...frame.children);
}

interface FlowFrame {
  name: string;
  token?: Extract<HtmlToken, { kind: 'open' }> | undefined;
  place?: IssuePlace | undefined;
  children: RootContent[];
  /** Inline tokens waiting to become a paragraph. */
  pending: PhrasingContent[];
}

/**
 * Converts raw HTML blocks among flow children. Block elements (`<details>`, `<table>`, `<div>`)
 * may open in one HTML block and close in a later one; the Markdown in between becomes their
 * children, which is how MDX nests JSX around Markdown.
 */
export function convertFlowHtml(children: readonly RootContent[], sink: IssueSink): RootContent[] {
  const root: FlowFrame = { name: '', children: [], pending: [] };
  const stack: FlowFrame[] = [root];
  const top = () => stack.at(-1)!;
  const closes = new Set<string>();
  for (const child of children) if (child.type === 'html') for (const t of tokenizeHtml(child.value)) if (t.kind === 'close') closes.add(t.name);
  const flush = (frame: FlowFrame) => {
    if (!frame.pending.length) return;
    const phrasing = convertInlineHtml(frame.pending, sink);
    frame.pending = [];
    if (toString({ type: 'paragraph', children: phrasing }).trim() === '' && phrasing.every((p) => p.type === 'text')) return;
    trimEdges(phrasing);
    frame.children.push({ type: 'paragraph', children: phrasing });
  };
  for (const child of children) {
    if (child.type !== 'html') {
      flush(top());
      top().children.push(child);
      continue;
    }
    for (const token of tokenizeHtml(child.value)) {
      const place = placeIn(child, token.offset);
      const name = token.kind === 'open' || token.kind === 'close' ? token.name.toLowerCase() : '';
      if (token.kind === 'comment' && top().pending.length === 0) {
        top().children.push({ type: 'mdxFlowExpression', value: comment(token.value) } as RootContent);
      } else if (token.kind === 'open' && FLOW.has(name) && isHtmlElement(token.name, closes.has(name))) {
        flush(top());
        if (VOID.has(name) || token.selfClosing) top().children.push(flowElement({ name, token, place, children: [], pending: [] }, sink));
        else stack.push({ name, token, place, children: [], pending: [] });
      } else if (token.kind === 'close' && FLOW.has(name) && stack.some((f) => f.name === name)) {
        flush(top());
        while (top().name !== name) unwrapFlow(stack, sink);
        const frame = stack.pop()!;
        top().children.push(...flowElementOrChildren(frame, sink));
      } else {
        top().pending.push(htmlPiece(token, child));
      }
    }
  }
  flush(top());
  while (stack.length > 1) unwrapFlow(stack, sink);
  return root.children;
}

/** A token as a tiny html/text node for the inline converter, keeping its place. */
function htmlPiece(token: HtmlToken, node: Html): PhrasingContent {
  const value = token.kind === 'text' ? token.value : token.kind === 'comment' ? `<!--${token.value}-->` : token.raw;
  const start = placeIn(node, token.offset);
  const position = start ? { start: { ...start }, end: { ...start } } : undefined;
  return { type: 'html', value, position } as PhrasingContent;
}

function trimEdges(phrasing: PhrasingContent[]): void {
  const first = phrasing[0];
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
  const last = phrasing.at(-1);
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
}

function flowElementOrChildren(frame: FlowFrame, sink: IssueSink): RootContent[] {
  const hasAttrs = Object.keys(frame.token?.attrs ?? {}).length > 0;
  if (frame.name === 'p' && !hasAttrs) return frame.children;
  if (/^h[1-6]$/.test(frame.name) && !hasAttrs && frame.children.length === 1 && frame.children[0]!.type === 'paragraph') {
    const heading: Heading = { type: 'heading', depth: Number(frame.name[1]) as Heading['depth'], children: frame.children[0].children };
    return [heading];
  }
  return [flowElement(frame, sink)];
}

function flowElement(frame: FlowFrame, sink: IssueSink): RootContent {
  const element: MdxJsxFlowElement = {
    type: 'mdxJsxFlowElement',
    name: frame.name,
    attributes: attrs(frame.name, frame.token?.attrs ?? {}, sink, frame.place),
    children: frame.children as MdxJsxFlowElement['children'],
  };
  return element as RootContent;
}

function unwrapFlow(stack: FlowFrame[], sink: IssueSink): void {
  const frame = stack.pop()!;
  const parent = stack.at(-1)!;
  parent.pending.push(...frame.pending);
  if (frame.pending.length) frame.pending = [];
  reportUnclosed(frame.name, frame.place, sink);
  // The element goes, its id stays: links point at it (`#sectiona`).
  const id = frame.token?.attrs['id'] ?? frame.token?.attrs['name'];
  if (id)
    parent.children.push({
      type: 'mdxJsxFlowElement',
      name: 'a',
      attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: id }],
      children: [],
    } as RootContent);
  if (parent.pending.length) {
    const pending = parent.pending;
    parent.pending = [];
    const phrasing = convertInlineHtml(pending, sink);
    if (toString({ type: 'paragraph', children: phrasing }).trim()) frame.children.push({ type: 'paragraph', children: phrasing });
  }
  parent.children.push(...frame.children);
}

/**
 * Converts every raw HTML node in the tree, deepest first, so that the result holds no `html`
 * nodes (MDX has no raw HTML: it would read it as JSX and fail on `<br>` or comments).
 */
export function convertHtml(tree: Root, sink: IssueSink): void {
  walk(tree as Parent, sink);
}

function walk(node: Parent, sink: IssueSink): void {
  for (const child of node.children) if ('children' in child) walk(child as Parent, sink);
  if (!node.children.some((c) => c.type === 'html')) return;
  if (PHRASING_PARENTS.has(node.type)) node.children = convertInlineHtml(node.children as PhrasingContent[], sink) as Parent['children'];
  else node.children = convertFlowHtml(node.children as RootContent[], sink) as Parent['children'];
}
