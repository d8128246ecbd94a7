import { isAlias, LineCounter, parseDocument, visit, YAMLParseError, type Document } from 'yaml';

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
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const value = doc.errors.length ? undefined : boundedToJs(doc);
  const [error] = doc.errors;
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new YamlFileError(file, line, col, (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, ''), { cause: error });
  }
  return value;
}
