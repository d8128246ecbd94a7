import type { Code, Heading, Link, Paragraph, Root } from 'mdast';
import GithubSlugger, { slug as slugger } from 'github-slugger';
import { EXIT, visit } from 'unist-util-visit';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { NestingTooDeep } from '../content/mdx.ts';
import { tooDeep } from '../content/nesting.ts';
import remarkGfm from 'remark-gfm';
import { markdownToMdast } from 'satteri';
import { toString } from 'mdast-util-to-string';
import { convertAlerts, inlineIncludes, type ParseInclude } from './docfx-tree.ts';
import { rewriteDocfxDirectives } from './docfx-text.ts';
import { convertHtml } from './html-to-mdx.ts';
import type { SourceRoots } from './confine.ts';
import { IssueSink, placeOf } from './issues.ts';
import { renameAnchors, rewriteLinks, type LinkContext } from './links.ts';
import type { Mapping } from './mapping.ts';

/** A source split into frontmatter text and body, with the line each starts on. */
export interface SplitSource {
  yaml: string | undefined;
  yamlLine: number;
  body: string;
  bodyLine: number;
}

/** Splits `---` frontmatter from the body; a file without it is all body. */
export function splitFrontmatter(source: string): SplitSource {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---[ \t]*\n([^]*?)\n?---[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { yaml: undefined, yamlLine: 1, body: text, bodyLine: 1 };
  const bodyLine = match[0].split('\n').length + (match[0].endsWith('\n') ? 0 : 1);
  return { yaml: match[1], yamlLine: 2, body: text.slice(match[0].length), bodyLine };
}

const CODE_ALIASES: Record<string, string> = { output: 'text', console: 'shellsession', azurecli: 'bash', azcli: 'bash' };

const parser = unified().use(remarkParse).use(remarkGfm);

/**
 * Parses a source body with Sätteri, the sites' own native parser (several times faster than remark,
 * the same tree for the same text), and with remark-gfm where the two read Markdown differently, so
 * the import writes what it wrote before, byte for byte (checked on both shared corpora, 3,070
 * articles). Sätteri links bare URLs that GFM does not (`„http://“`, `http://.contoso.com`), and it
 * reads an escaped marker next to emphasis (`Settings\**user name**\`) as plain text, which
 * CommonMark does not: a body with a bare URL or an escaped `*` or `_`, or one Sätteri refuses, is
 * parsed by remark.
 */
function parseSource(text: string): Root {
  if (/\\[*_]/.test(text)) return parser.parse(text) as Root;
  let tree: Root;
  try {
    tree = markdownToMdast(text, { position: true, features: { gfm: true } }) as Root;
  } catch {
    return parser.parse(text) as Root;
  }
  let bareUrl = false;
  visit(tree, 'link', (node: Link) => {
    const first = text[node.position?.start.offset ?? -1];
    if (first !== '[' && first !== '<') bareUrl = true;
    return bareUrl ? EXIT : undefined;
  });
  return bareUrl ? (parser.parse(text) as Root) : tree;
}

/**
 * Parses a DocFX or plain Markdown body into mdast with DocFX constructs converted. Node
 * positions are lines of the source file (the body is padded to start where it did).
 */
export function parseDocfxBody(
  body: string,
  bodyLine: number,
  file: string,
  alerts: Mapping['alerts'],
  sink: IssueSink,
  seen: Set<string> = new Set([file]),
  roots?: SourceRoots,
): Root {
  const rewritten = rewriteDocfxDirectives(body, bodyLine, sink);
  // a source nested thousands of levels deep would take the parser minutes (kb check refuses it too)
  // (HTML in Markdown is text, not nested elements)
  const deep = tooDeep(rewritten, undefined, { elements: false });
  if (deep) throw new NestingTooDeep({ ...deep, line: deep.line + bodyLine - 1 });
  const tree = parseSource('\n'.repeat(bodyLine - 1) + rewritten);
  const parseInclude: ParseInclude = (includeFile, source, _outer, nested) => {
    const includeSink = new IssueSink(includeFile);
    const split = splitFrontmatter(source);
    const included = parseDocfxBody(split.body, split.bodyLine, includeFile, alerts, includeSink, nested, roots);
    sink.issues.push(...includeSink.issues);
    return included;
  };
  inlineIncludes(tree, file, parseInclude, sink, seen, roots);
  convertAlerts(tree, alerts, sink);
  convertHtml(tree, sink);
  return tree;
}

/** The body after conversion and the bits of it the frontmatter needs. */
export interface ConvertedBody {
  tree: Root;
  /** Text of the leading level-1 heading when `titleFromH1` took it out of the body. */
  h1?: string;
  /** First paragraph as plain text, a fallback summary. */
  lead?: string;
}

/** Converts a Markdown body: DocFX constructs, HTML, links and images; takes the H1 out if asked. */
export function convertMarkdownBody(split: SplitSource, file: string, mapping: Mapping, links: LinkContext, sink: IssueSink): ConvertedBody {
  const tree = parseDocfxBody(split.body, split.bodyLine, file, mapping.alerts, sink, new Set([file]), links.roots);
  return finishBody(tree, file, mapping, links, sink);
}

/** Shared tail of every source kind: tabs, section names, H1 to title, anchors, links, images, code languages. */
export function finishBody(tree: Root, file: string, mapping: Mapping, links: LinkContext, sink: IssueSink): ConvertedBody {
  flattenTabs(tree, sink);
  const headingsBefore = headingIds(tree);
  const headings = new Map(Object.entries(mapping.headings ?? {}).map(([from, to]) => [from.toLowerCase(), to]));
  if (headings.size) {
    visit(tree, 'heading', (node: Heading) => {
      const to = node.depth === 2 ? headings.get(toString(node).trim().toLowerCase()) : undefined;
      if (to) node.children = [{ type: 'text', value: to }];
    });
  }
  const result: ConvertedBody = { tree };
  let h1Id: string | undefined;
  if (mapping.titleFromH1) {
    const index = tree.children.findIndex((n) => n.type === 'heading' && (n as Heading).depth === 1);
    const before = tree.children.slice(0, Math.max(index, 0));
    if (index >= 0 && before.every((n) => n.type === 'mdxFlowExpression')) {
      result.h1 = toString(tree.children[index]!).trim();
      h1Id = headingsBefore.get(tree.children[index] as Heading);
      tree.children.splice(index, 1);
    }
  }
  // Ids of renamed headings change; links inside the page and from other pages follow them.
  const headingsAfter = headingIds(tree);
  const renames = new Map<string, string>();
  for (const [node, id] of headingsBefore) {
    const now = headingsAfter.get(node);
    if (now && now !== id) renames.set(id, now);
  }
  const globalRenames = new Map(Object.entries(mapping.headings ?? {}).map(([from, to]) => [slugger(from), slugger(to)]));
  rewriteLinks(tree, file, { ...links, anchorRenames: globalRenames }, sink);
  renameAnchors(tree, renames);
  if (h1Id && hasLinkTo(tree, `#${h1Id}`)) {
    // "Back to top" links point at the H1 that became the title: keep its id as an anchor.
    tree.children.unshift({ type: 'mdxJsxFlowElement', name: 'a', attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: h1Id }], children: [] } as never);
  }
  // Shiki knows languages in lower case only (`PowerShell` falls back to plain text with a warning).
  visit(tree, 'code', (node: Code) => {
    if (node.lang) node.lang = CODE_ALIASES[node.lang.toLowerCase()] ?? node.lang.toLowerCase();
  });
  const lead = tree.children.find((n): n is Paragraph => n.type === 'paragraph' && toString(n).trim().length > 20);
  if (lead) result.lead = toString(lead).replace(/\s+/g, ' ').trim();
  return result;
}

/** Heading ids as the site will make them (github-slugger over the text, in document order). */
function headingIds(tree: Root): Map<Heading, string> {
  const ids = new GithubSlugger();
  const out = new Map<Heading, string>();
  visit(tree, 'heading', (node: Heading) => {
    out.set(node, ids.slug(toString(node)));
  });
  return out;
}

function hasLinkTo(tree: Root, url: string): boolean {
  let found = false;
  visit(tree, 'link', (node: Link) => {
    if (node.url === url) found = true;
  });
  return found;
}

/** DocFX tabs (`## [Windows](#tab/windows)`) become plain headings: every tab's content stays. */
function flattenTabs(tree: Root, sink: IssueSink): void {
  visit(tree, 'heading', (node: Heading) => {
    const only = node.children.length === 1 ? node.children[0] : undefined;
    if (only?.type !== 'link' || !only.url.startsWith('#tab/')) return;
    node.children = only.children;
    sink.add('docfx-tabs', `Unexpected tab \`${only.url}\`, expected a plain section (tab became a heading, content kept)`, placeOf(node), 'info');
  });
}
