import type { Root as HastRoot, Element, ElementContent, Parent as HastParent } from 'hast';
import type { Root, RootContent, TableCell } from 'mdast';
import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import { visit, SKIP } from 'unist-util-visit';
import { convertAlerts } from './docfx-tree.ts';
import { DROPPED, droppedMessage } from './html-tokens.ts';
import type { IssueSink } from './issues.ts';
import type { Mapping } from './mapping.ts';

const htmlParser = unified().use(rehypeParse, { fragment: false });
type State = { all: (node: Element) => RootContent[]; toFlow: (nodes: RootContent[]) => RootContent[] };

/** `<details>` and `<summary>` have no Markdown form; MDX keeps them as JSX around Markdown. */
function jsxBlock(name: string) {
  return (state: State, node: Element): RootContent =>
    ({ type: 'mdxJsxFlowElement', name, attributes: [], children: state.toFlow(state.all(node)) }) as unknown as RootContent;
}

const toMdast = unified().use(rehypeRemark, { handlers: { details: jsxBlock('details'), summary: jsxBlock('summary') } as never });

/** Confluence macro class -> DocFX alert name, so the alert converter turns them into Callouts. */
const CONFLUENCE_ALERTS: Record<string, string> = { information: 'NOTE', info: 'NOTE', note: 'WARNING', warning: 'WARNING', tip: 'TIP' };

function classes(node: Element): string[] {
  const value: unknown = node.properties?.['className'];
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
}

function findById(tree: HastParent, id: string): Element | undefined {
  let found: Element | undefined;
  visit(tree as HastRoot, 'element', (node: Element) => {
    if (node.properties?.['id'] === id) {
      found = node;
      return false;
    }
    return undefined;
  });
  return found;
}

/** A parsed HTML page: its title (from `<title>` or the first `<h1>`) and the part that is the article. */
export interface HtmlPage {
  title?: string | undefined;
  content: HastRoot;
  confluence: boolean;
}

/**
 * Reads an HTML export. A Confluence page keeps only `#main-content` and its title loses the
 * "Space : " prefix; Zendesk and other pages keep the body.
 */
export function readHtmlPage(html: string): HtmlPage {
  const tree = htmlParser.parse(html) as HastRoot;
  let title: string | undefined;
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'title' && !title) title = textOf(node).trim() || undefined;
  });
  const main = findById(tree, 'main-content');
  const confluence = Boolean(main && /confluence/i.test(html));
  if (confluence && title?.includes(' : ')) title = title.slice(title.indexOf(' : ') + 3).trim();
  const body = main ?? findBody(tree) ?? tree;
  const content: HastRoot = { type: 'root', children: (body as HastParent).children as HastRoot['children'] };
  if (!title) {
    visit(content, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'h1' || !parent || index === undefined) return undefined;
      title = textOf(node).trim();
      parent.children.splice(index, 1);
      return false;
    });
  }
  return { title, content, confluence };
}

function findBody(tree: HastRoot): Element | undefined {
  let body: Element | undefined;
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'body') {
      body = node;
      return false;
    }
    return undefined;
  });
  return body;
}

function textOf(node: ElementContent | HastRoot): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as ElementContent[]).map(textOf).join('');
  return '';
}

/**
 * Converts an HTML fragment (a Zendesk article body, a Confluence page) into mdast through
 * rehype-remark. Elements without a Markdown form are reported before they are dropped,
 * Confluence info/note/warning/tip macros become Callouts, and code macros keep their language.
 */
export function htmlToMdast(content: HastRoot, mapping: Mapping, sink: IssueSink): Root {
  visit(content, 'element', (node: Element, index, parent: HastParent | undefined) => {
    const place = node.position ? { line: node.position.start.line, column: node.position.start.column } : undefined;
    // hast-util-to-mdast would drop these without a word
    if (DROPPED.has(node.tagName)) {
      const { reason, hint } = droppedMessage(node.tagName, node.properties?.['src']);
      sink.add('html-dropped', reason, place, 'warning', hint);
      return SKIP;
    }
    if ((node.tagName === 'td' || node.tagName === 'th') && (Number(node.properties?.['rowSpan'] ?? 1) > 1 || Number(node.properties?.['colSpan'] ?? 1) > 1)) {
      sink.add(
        'html-table-span',
        'Unexpected merged table cell (rowspan/colspan), expected a plain grid (cells kept, merge lost)',
        place,
        'warning',
        'Check the table in the output; Markdown tables cannot merge cells.',
      );
    }
    const macro = classes(node).find(
      (c) => c.startsWith('confluence-information-macro-') && c !== 'confluence-information-macro-body' && c !== 'confluence-information-macro-icon',
    );
    if (macro && parent && index !== undefined) {
      const kind = macro.slice('confluence-information-macro-'.length);
      const alert = CONFLUENCE_ALERTS[kind] ?? 'NOTE';
      const body = (node.children as ElementContent[]).filter((c) => c.type !== 'element' || !classes(c).includes('confluence-information-macro-icon'));
      const quote: Element = {
        type: 'element',
        tagName: 'blockquote',
        properties: {},
        children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: `[!${alert}]` }] }, ...body],
      };
      parent.children.splice(index, 1, quote);
      return undefined;
    }
    if (classes(node).includes('expand-container')) {
      // Confluence's expand macro: a clickable title over hidden content, which is what <details> is.
      const kids = node.children.filter((c): c is Element => c.type === 'element');
      const control = kids.find((c) => classes(c).includes('expand-control'));
      const content = kids.find((c) => classes(c).includes('expand-content'));
      const title = control ? textOf(control).replace(/\s+/g, ' ').trim() : '';
      node.tagName = 'details';
      node.properties = {};
      node.children = [
        { type: 'element', tagName: 'summary', properties: {}, children: [{ type: 'text', value: title || 'Details' }] },
        ...((content?.children ?? []) as ElementContent[]),
      ];
      return undefined;
    }
    if (node.tagName === 'pre') {
      const params = String(node.properties?.['dataSyntaxhighlighterParams'] ?? '');
      const brush = /brush:\s*([\w+-]+)/.exec(params)?.[1];
      if (brush && !node.children.some((c) => c.type === 'element' && c.tagName === 'code')) {
        node.children = [{ type: 'element', tagName: 'code', properties: { className: [`language-${brush}`] }, children: node.children }];
      }
    }
    return undefined;
  });
  const tree = toMdast.runSync(content) as Root;
  // A hard break in a table cell would end the row in GFM; MDX keeps it as <br />.
  visit(tree, 'tableCell', (cell: TableCell) => {
    cell.children = cell.children.map((c) => (c.type === 'break' ? ({ type: 'mdxJsxTextElement', name: 'br', attributes: [], children: [] } as never) : c));
  });
  convertAlerts(tree, mapping.alerts, sink);
  return tree;
}
