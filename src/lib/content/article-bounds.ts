import { schemaMessage } from '../check/schema-message.ts';
import { nestingHint, nestingMessage, tooDeep } from './nesting.ts';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { glob } from 'tinyglobby';
import { BUILT_ARTICLE_GLOB, articleIdOfEntry } from '../article-id.ts';
import { parseDay } from '../dates.ts';
import { parseArticle, validateFrontmatter, yamlOffsetToPosition, type ParsedArticle, type Position } from './parse-article.ts';

/** A reason the build refuses an article before compiling it, with its place and `kb check` rule. */
export interface InputProblem {
  position: Position;
  rule: 'yaml-syntax' | 'schema' | 'mdx-syntax';
  message: string;
  hint: string;
}

/**
 * The bounds on an article's input that the build checks as `kb check` does, on the text as
 * `kb check` reads it: YAML mistakes (aliases that expand too far among them), frontmatter the
 * schema refuses (a day that is not in the calendar, which Astro's YAML reader would silently
 * roll over), and blocks nested deeper than MAX_NESTING (nesting.ts) (which crash the MDX compiler).
 * The first problem, or undefined.
 */
export function inputProblem(article: ParsedArticle): InputProblem | undefined {
  const [yamlError] = article.yaml?.errors ?? [];
  if (yamlError) {
    return {
      position: yamlOffsetToPosition(article, yamlError.pos[0]),
      rule: 'yaml-syntax',
      message: `Unexpected YAML: ${(yamlError.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
      hint: 'Check indentation, quotes and colons; write values out instead of using anchors (&) and aliases (*).',
    };
  }
  const deep = tooDeep(article.body);
  if (deep) {
    return {
      position: { line: deep.line + article.bodyStartLine - 1, column: deep.column },
      rule: 'mdx-syntax',
      message: nestingMessage(deep.kind),
      hint: nestingHint(deep.kind),
    };
  }
  if (article.raw !== undefined) {
    const [issue] = validateFrontmatter(article).issues;
    if (issue) {
      const { message, hint } = schemaMessage({ ...issue.detail, path: issue.path, message: issue.message }, article.raw);
      return { position: issue.position, rule: 'schema', message, hint: hint ?? 'See the article schema in src/lib/schema/article.ts.' };
    }
  }
  return undefined;
}

const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
// an anchor (`&x`) or alias (`*x`) where YAML allows one: after a space, `[`, `{`, `,` or `:`
const ANCHOR_OR_ALIAS = /(?:^|[\s[{,:])[&*][^\s,[\]{}]/m;
const REVIEWED = /^reviewed:[ \t]*(.*?)[ \t]*(?:#.*)?$/m;
// YAML lists and maps nested past MAX_YAML_NESTING (32) need, on the way to the deepest value,
// block levels (each indents by a column at least, two levels at most), brackets and compact
// markers (`- - x`): with fewer than 12 columns of indentation, 12 brackets in all and 6 markers
// on a line a document nests 30 levels at most
const DEEP_INDENT = /^[ \t]{12}/m;
const BRACKET = /[[{]/g;
const COMPACT = /(?:[-?:][ \t]+){6}/;

/**
 * {@link inputProblem} for a file's text, fast for the usual article: the full YAML reading with
 * positions is done only when a cheap look finds what it would refuse (anchors or aliases, a
 * `reviewed` day that is not a calendar day, YAML that may nest too deeply, nesting past
 * the bound). The build runs this over
 * every article before Astro reads them, so it must cost next to nothing for a clean one.
 */
export function inputProblemOfText(source: string, path: string, id: string): InputProblem | undefined {
  const frontmatter = FRONTMATTER.exec(source);
  const yaml = frontmatter?.[1] ?? '';
  const reviewed = REVIEWED.exec(yaml)?.[1]?.replace(/^(['"])(.*)\1$/, '$2');
  const suspicious =
    ANCHOR_OR_ALIAS.test(yaml) ||
    (reviewed !== undefined && reviewed !== '' && !parseDay(reviewed)) ||
    DEEP_INDENT.test(yaml) ||
    (yaml.match(BRACKET)?.length ?? 0) >= 12 ||
    COMPACT.test(yaml) ||
    tooDeep(source.slice(frontmatter?.[0].length ?? 0)) !== undefined;
  return suspicious ? inputProblem(parseArticle(source, path, id)) : undefined;
}

/**
 * Refuses the articles of a folder that `kb check` refuses for their input bounds, before Astro
 * reads any (the kb articles loader calls it on every build, cached entries or not): Astro's own
 * YAML reader would roll `2026-02-30` over into March, and the MDX compiler crashes (a
 * segmentation fault, no file named) on thousands of nested list items or quotes. The error
 * lists every such article with file, line, column and the rule `kb check` reports.
 */
export async function refuseUnbounded(articlesDir: string): Promise<void> {
  const problems: string[] = [];
  for (const entry of (await glob(BUILT_ARTICLE_GLOB, { cwd: articlesDir })).sort()) {
    const file = join(articlesDir, entry);
    const shown = relative(process.cwd(), file);
    const problem = inputProblemOfText(await readFile(file, 'utf8'), shown, articleIdOfEntry(entry));
    if (problem) problems.push(`${shown}:${problem.position.line}:${problem.position.column}: ${problem.message} [${problem.rule}]\n  hint: ${problem.hint}`);
  }
  if (problems.length) throw new Error(`${problems.length} article${problems.length === 1 ? '' : 's'} refused (kb check reports the same):\n${problems.join('\n')}`);
}
