import { Composer, isAlias, LineCounter, parseDocument, Parser, visit, YAMLParseError, type CST, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

/**
 * YAML with bounds, for the files authors write (article frontmatter, content/taxonomy.yaml).
 * Anchors and aliases let a few lines stand for billions of values ("billion laughs"): the
 * `yaml` package refuses to expand them past `maxAliasCount`, but with a bare ReferenceError and
 * no place. Here the refusal becomes a YAML error at the first alias, so `kb check` and the
 * build name the file, line and column like any other YAML mistake.
 */

/** The `yaml` package's measure: aliases times the size of what they repeat (its default). */
export const MAX_YAML_ALIAS_COUNT = 100;

/**
 * The document as plain values. When aliases expand past the bound, `undefined` is returned and
 * an error placed at the first alias is added to `doc.errors`.
 */
export function boundedToJs(doc: Document.Parsed): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let at: [number, number] = [0, 1];
    let name = '';
    visit(doc, {
      Alias(_, node) {
        if (isAlias(node) && node.range) {
          at = [node.range[0], node.range[1]];
          name = node.source;
        }
        return visit.BREAK;
      },
    });
    doc.errors.push(
      new YAMLParseError(
        at,
        'RESOURCE_EXHAUSTION',
        `aliases that expand to too many values${name ? ` (*${name} and the others)` : ''}, expected plain values: write them out instead of using anchors (&) and aliases (*)`,
      ),
    );
    return undefined;
  }
}

/** Deepest nesting of lists and maps in the YAML that authors write (frontmatter, taxonomy, lifecycle). */
export const MAX_YAML_NESTING = 32;

/**
 * Where lists and maps first nest deeper than `limit`: the offset of the collection that did it.
 * Read from the `yaml` package's syntax tree (its parser keeps a stack, it does not recurse),
 * without recursion here either: the reader that builds values from it recurses, and runs out of
 * stack at about 800 levels, at a place that depends on how deep the caller's stack already was.
 */
export function yamlTooDeep(text: string, limit: number = MAX_YAML_NESTING): number | undefined {
  return tooDeepIn([...new Parser().parse(text)], limit);
}

function tooDeepIn(tokens: readonly CST.Token[], limit: number): number | undefined {
  const stack: [CST.Token | null | undefined, number][] = tokens.map((token) => [token, 0]);
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [token, depth] = entry;
    if (!token) continue;
    if (token.type === 'document') stack.push([token.value, depth]);
    else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > limit) return token.offset;
      for (const item of token.items) stack.push([item.value, depth + 1], ['key' in item ? item.key : undefined, depth + 1]);
    }
  }
  return undefined;
}

/**
 * `parseDocument` for the YAML that authors write, bounded: lists and maps nested deeper than
 * {@link MAX_YAML_NESTING} are a YAML error at the collection that went too deep, instead of a
 * stack overflow (or, on a shallower stack, a document read). Errors are in `doc.errors`, placed
 * by `lineCounter` like the reader's own, with plain messages (the place is in `pos`; the
 * `yaml` package's `prettyErrors` is not applied). The text is read into a syntax tree once: its
 * depth is checked there, and the document is composed from the same tree, as `parseDocument` does.
 */
export function parseBoundedDocument(text: string, options: ParseOptions & DocumentOptions & SchemaOptions = {}): Document.Parsed {
  const tokens = [...new Parser(options.lineCounter?.addNewLine).parse(text)];
  const deep = tooDeepIn(tokens, MAX_YAML_NESTING);
  const composer = new Composer({ ...options, prettyErrors: false });
  if (deep !== undefined) {
    const doc = [...composer.compose([], true, 0)][0] ?? parseDocument('');
    doc.errors.push(
      new YAMLParseError([deep, deep + 1], 'RESOURCE_EXHAUSTION', `lists and maps nested deeper than ${MAX_YAML_NESTING} levels, expected at most ${MAX_YAML_NESTING}: write the values out flat`),
    );
    return doc;
  }
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  // compose(…, true) always ends with a document, an empty one for empty text
  return doc ?? parseDocument('');
}

/** A YAML mistake in a file, with its place. */
export class YamlFileError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly reason: string;
  constructor(file: string, line: number, column: number, reason: string, options?: ErrorOptions) {
    super(`${file}:${line}:${column}: Unexpected YAML: ${reason}`, options);
    this.name = 'YamlFileError';
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}

/** Parses a whole YAML file; throws a {@link YamlFileError} (file, line, column) for any problem. */
export function readYamlFile(text: string, file: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseBoundedDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const value = doc.errors.length ? undefined : boundedToJs(doc);
  const [error] = doc.errors;
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new YamlFileError(file, line, col, (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, ''), { cause: error });
  }
  return value;
}
