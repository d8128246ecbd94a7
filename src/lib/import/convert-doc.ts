import type { Root } from 'mdast';
import { convertMarkdownBody, finishBody, splitFrontmatter, type ConvertedBody } from './convert-markdown.ts';
import { readSourceFields, mapFrontmatter, type IgnoredCounts, type SourceField, type TargetData } from './frontmatter.ts';
import { htmlToMdast, readHtmlPage } from './html-source.ts';
import type { IssueSink } from './issues.ts';
import type { LinkContext } from './links.ts';
import type { Mapping } from './mapping.ts';
import { ensureResolution } from './sections.ts';
import type { SourceDoc } from './sources.ts';

/** A converted article before taxonomy checks and writing. */
export interface ConvertedDoc {
  data: TargetData;
  tree: Root;
}

const START = { line: 1, column: 1 };

function fieldsOf(record: Record<string, unknown>): Map<string, SourceField> {
  const fields = new Map<string, SourceField>();
  for (const [key, value] of Object.entries(record)) if (key !== 'body') fields.set(key, { value, place: START });
  return fields;
}

/**
 * Converts one source of any kind into frontmatter data and an MDX tree: Markdown (DocFX or
 * plain), an HTML page (Zendesk, Confluence) or one article of a Help Center JSON export.
 */
export function convertDoc(doc: SourceDoc, mapping: Mapping, links: LinkContext, sink: IssueSink, ignored: IgnoredCounts, lang?: string): ConvertedDoc {
  let fields: Map<string, SourceField>;
  let body: ConvertedBody;
  if (doc.kind === 'markdown') {
    const split = splitFrontmatter(doc.text);
    fields = split.yaml === undefined ? new Map() : readSourceFields(split.yaml, split.yamlLine, sink);
    body = convertMarkdownBody(split, doc.path, mapping, links, sink);
  } else {
    const page = readHtmlPage(doc.text);
    fields = doc.article ? fieldsOf(doc.article) : new Map();
    if (!fields.has('title') && page.title) fields.set('title', { value: page.title, place: START });
    const tree = htmlToMdast(page.content, mapping, sink);
    body = finishBody(tree, doc.path, { ...mapping, titleFromH1: mapping.titleFromH1 && !fields.has('title') }, links, sink);
  }
  const data = mapFrontmatter(fields, mapping, sink, ignored);
  // decided before conversion from every signal the source has (detect-lang.ts)
  if (lang) data['lang'] = lang;
  if (body.h1) data['title'] = body.h1;
  if (!data['title']) {
    data['title'] = doc.slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
    sink.add(
      'title-missing',
      'Unexpected article without a title, expected a `title` key or a level-1 heading (made one from the file name)',
      START,
      'warning',
    );
  }
  if (!data['summary']) {
    data['summary'] = body.lead ? clip(body.lead, 240) : String(data['title']);
    sink.add(
      'summary-missing',
      `Unexpected article without a summary, expected a mapped description (used the ${body.lead ? 'first paragraph' : 'title'})`,
      START,
      'info',
      'Map the source description key to `summary` in the mapping file.',
    );
  }
  ensureResolution(body.tree, data, mapping, sink);
  return { data, tree: body.tree };
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}
