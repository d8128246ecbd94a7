import { parseArticle, yamlOffsetToPosition } from '../content/parse-article.ts';
import type { Cycle, LifecycleProduct } from './schema.ts';

/** Where the data comes from; written into the snapshot and its notice. */
export const ENDOFLIFE_SOURCE = {
  name: 'endoflife.date',
  url: 'https://github.com/endoflife-date/endoflife.date',
  license: 'MIT',
} as const;

/** A problem in one source file, placed so a person can open it. */
export class SourceError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  constructor(file: string, line: number, column: number, reason: string) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.file = file;
    this.line = line;
    this.column = column;
  }
}

type Raw = Record<string, unknown>;

/**
 * Reads one `products/<id>.md` of endoflife.date (YAML frontmatter, Markdown body) into a
 * lifecycle product. Only facts are kept: names, identifiers, cycles and their dates; the
 * Markdown prose is not. Field names of both the current (`eoas`, `eoes`) and the older
 * (`support`, `extendedSupport`) format are understood. Throws a SourceError with file:line:col.
 */
export function productFromSource(text: string, file: string): LifecycleProduct {
  const parsed = parseArticle(text, file, file);
  const firstError = parsed.yaml?.errors[0];
  if (firstError) {
    const at = yamlOffsetToPosition(parsed, firstError.pos[0]);
    throw new SourceError(file, at.line, at.column, `Unexpected YAML: ${firstError.message.split('\n')[0]}`);
  }
  const raw = parsed.raw;
  if (!isRecord(raw)) throw new SourceError(file, 1, 1, 'Unexpected file without YAML frontmatter, expected an endoflife.date product page');
  const releases = raw['releases'];
  if (!Array.isArray(releases)) throw new SourceError(file, 2, 1, 'Unexpected product without `releases`, expected a list of release cycles');
  const template = typeof raw['releaseLabel'] === 'string' ? raw['releaseLabel'] : undefined;
  const cycles = releases.map((release, index): Cycle => {
    if (!isRecord(release) || release['releaseCycle'] === undefined) {
      throw new SourceError(file, lineOf(parsed, ['releases', index]), 1, `Unexpected release ${index + 1} without releaseCycle`);
    }
    const cycle = String(release['releaseCycle']);
    const label = labelOf(typeof release['releaseLabel'] === 'string' ? release['releaseLabel'] : template, cycle, release['codename']);
    const at = (key: string) => ({ line: lineOf(parsed, ['releases', index, key]), key });
    return compact({
      cycle,
      label: label && label !== cycle ? label : undefined,
      released: day(release['releaseDate'], file, at('releaseDate')),
      support: end(release['eoas'] ?? release['support'], file, at('eoas')),
      eol: end(release['eol'], file, at('eol')) ?? false,
      extendedSupport: end(release['eoes'] ?? release['extendedSupport'], file, at('eoes')),
      link: typeof release['link'] === 'string' ? release['link'] : undefined,
    });
  });
  const identifiers = Array.isArray(raw['identifiers']) ? raw['identifiers'].flatMap((entry) => (isRecord(entry) ? Object.values(entry).map(String) : [])) : [];
  const aliases = Array.isArray(raw['alternate_urls']) ? raw['alternate_urls'].map((u) => String(u).replace(/^\//, '')) : [];
  return compact({
    title: typeof raw['title'] === 'string' ? raw['title'] : undefined,
    aliases,
    identifiers,
    link: typeof raw['releasePolicyLink'] === 'string' ? raw['releasePolicyLink'] : undefined,
    cycles,
    names: [],
    versions: {},
  }) as LifecycleProduct;
}

/**
 * `Windows Server __RELEASE_CYCLE__` -> `Windows Server 2012`. A codename is kept when it is a
 * version people write (Visual Studio `2019`), dropped when it is a word (SQL Server `Dallas`).
 */
function labelOf(template: string | undefined, cycle: string, codename: unknown): string | undefined {
  if (!template) return undefined;
  return template
    .replaceAll('__RELEASE_CYCLE__', cycle)
    .replace(/'?__CODENAME__'?/g, typeof codename === 'string' && /\d/.test(codename) ? codename : '')
    .replace(/__[A-Z_]+__/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function day(value: unknown, file: string, at: { line: number; key: string }): Date | undefined {
  if (value === undefined || value === null) return undefined;
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== text) {
    throw new SourceError(file, at.line, 1, `Unexpected ${at.key} "${text}", expected a day as YYYY-MM-DD`);
  }
  return date;
}

function end(value: unknown, file: string, at: { line: number; key: string }): Date | boolean | undefined {
  if (typeof value === 'boolean') return value;
  return day(value, file, at);
}

function lineOf(parsed: ReturnType<typeof parseArticle>, path: (string | number)[]): number {
  const node = parsed.yaml?.getIn(path, true) as { range?: [number, number, number] } | undefined;
  if (!node?.range) return parsed.yamlStartLine;
  return yamlOffsetToPosition(parsed, node.range[0]).line;
}

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops undefined fields so written YAML stays short. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
