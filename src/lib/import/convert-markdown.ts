import type { Code, Heading, Paragraph, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import { convertAlerts, inlineIncludes, type ParseInclude } from './docfx-tree.ts';
import { rewriteDocfxDirectives } from './docfx-text.ts';
import { convertHtml } from './html-to-mdx.ts';
import { IssueSink } from './issues.ts';
import { rewriteLinks, type LinkContext } from './links.ts';
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
 * Parses a DocFX or plain Markdown body into mdast with DocFX constructs converted. Node
 * positions are lines of the source file (the body is padded to start where it did).
 */
export function parseDocfxBody(body: string, bodyLine: number, file: string, alerts: Mapping['alerts'], sink: IssueSink, seen: Set<string> = new Set([file])): Root {
  const rewritten = rewriteDocfxDirectives(body, bodyLine, sink);
  const tree = parser.parse('\n'.repeat(bodyLine - 1) + rewritten) as Root;
  const parseInclude: ParseInclude = (includeFile, source, _outer, nested) => {
    const includeSink = new IssueSink(includeFile);
    const split = splitFrontmatter(source);
    const included = parseDocfxBody(split.body, split.bodyLine, includeFile, alerts, includeSink, nested);
    sink.issues.push(...includeSink.issues);
    return included;
  };
  inlineIncludes(tree, file, parseInclude, sink, seen);
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
  const tree = parseDocfxBody(split.body, split.bodyLine, file, mapping.alerts, sink);
  return finishBody(tree, file, mapping, links, sink);
}

/** Shared tail of every source kind: links, images, H1 to title, lead paragraph. */
export function finishBody(tree: Root, file: string, mapping: Mapping, links: LinkContext, sink: IssueSink): ConvertedBody {
  rewriteLinks(tree, file, links, sink);
  // Shiki knows languages in lower case only (`PowerShell` falls back to plain text with a warning).
  visit(tree, 'code', (node: Code) => {
    if (node.lang) node.lang = CODE_ALIASES[node.lang.toLowerCase()] ?? node.lang.toLowerCase();
  });
  const headings = new Map(Object.entries(mapping.headings ?? {}).map(([from, to]) => [from.toLowerCase(), to]));
  if (headings.size) {
    visit(tree, 'heading', (node: Heading) => {
      const to = node.depth === 2 ? headings.get(toString(node).trim().toLowerCase()) : undefined;
      if (to) node.children = [{ type: 'text', value: to }];
    });
  }
  const result: ConvertedBody = { tree };
  if (mapping.titleFromH1) {
    const index = tree.children.findIndex((n) => n.type === 'heading' && (n as Heading).depth === 1);
    const before = tree.children.slice(0, Math.max(index, 0));
    if (index >= 0 && before.every((n) => n.type === 'mdxFlowExpression')) {
      result.h1 = toString(tree.children[index]!).trim();
      tree.children.splice(index, 1);
    }
  }
  const lead = tree.children.find((n): n is Paragraph => n.type === 'paragraph' && toString(n).trim().length > 20);
  if (lead) result.lead = toString(lead).replace(/\s+/g, ' ').trim();
  return result;
}
