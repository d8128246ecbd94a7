import { resolve } from 'node:path';
import { convertMarkdownBody, splitFrontmatter } from '../../src/lib/import/convert-markdown.ts';
import { IssueSink, type ImportIssue } from '../../src/lib/import/issues.ts';
import { DEFAULT_MAPPING, type Mapping } from '../../src/lib/import/mapping.ts';
import { serializeArticle } from '../../src/lib/import/serialize.ts';
import { ROOT } from '../helpers/paths.ts';

export const FIXTURES = resolve(ROOT, 'test/fixtures/import');

/** Converts a Markdown snippet as if it were `file` and returns the MDX body and the issues. */
export function convert(
  markdown: string,
  options: { file?: string; mapping?: Partial<Mapping>; copied?: string[] } = {},
): { mdx: string; issues: ImportIssue[] } {
  const file = options.file ?? resolve(FIXTURES, 'docfx/snippet.md');
  const sink = new IssueSink('snippet.md');
  const mapping = { ...DEFAULT_MAPPING, titleFromH1: false, ...options.mapping };
  const body = convertMarkdownBody(
    splitFrontmatter(markdown),
    file,
    mapping,
    {
      articleUrls: new Map([[resolve(FIXTURES, 'docfx/outlook-crash.md'), '/en/articles/outlook-crash/']]),
      copyAsset: (abs) => {
        options.copied?.push(abs);
        return './media/snippet/pic.png';
      },
    },
    sink,
  );
  const mdx = serializeArticle({}, body.tree).replace(/^---\n\{\}\n---\n\n/, '');
  return { mdx, issues: sink.issues };
}

/** Issues as `line:col severity rule` strings, easy to pin. */
export function places(issues: readonly ImportIssue[]): string[] {
  return issues.map((i) => `${i.line}:${i.column} ${i.severity} ${i.rule}`);
}
