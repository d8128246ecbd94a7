import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { glob } from 'tinyglobby';
import { ARTICLE_GLOB, ARTICLES_FOLDER, articleIdOfEntry } from '../article-id.ts';
import type { ArticleData } from '../schema/article.ts';
import { parseArticle, validateFrontmatter, type FrontmatterIssue, type ParsedArticle } from './parse-article.ts';

/** An article as the scripts see it: parsed, validated, with where it lives. */
export interface SourceArticle {
  id: string;
  /** Absolute path. */
  file: string;
  /** Path relative to the project root, for messages and reports. */
  path: string;
  parsed: ParsedArticle;
  /** Validated frontmatter; undefined when it has problems (see `issues`). */
  data: ArticleData | undefined;
  issues: FrontmatterIssue[];
}

/** The folder of the articles of a content folder: `<contentDir>/articles`. */
export function articlesDir(contentDir: string): string {
  return join(contentDir, ARTICLES_FOLDER);
}

/** The source file of a new article: `<contentDir>/articles/<lang>/<slug>.mdx`. */
export function articleFile(contentDir: string, lang: string, slug: string): string {
  return join(articlesDir(contentDir), lang, `${slug}.mdx`);
}

/** Lists article files below `<contentDir>/articles`, sorted for stable output. */
export async function listArticleFiles(contentDir: string): Promise<string[]> {
  const files = await glob(ARTICLE_GLOB, { cwd: articlesDir(contentDir), absolute: true });
  return files.sort();
}

/** The article id (`<lang>/<slug>`) of a file below `<contentDir>/articles`. */
export function articleIdOf(contentDir: string, file: string): string {
  return articleIdOfEntry(relative(articlesDir(contentDir), file));
}

/** Reads, parses and validates every article; nothing is skipped, broken files carry their issues. */
export async function readArticles(contentDir: string, root: string = process.cwd()): Promise<SourceArticle[]> {
  const files = await listArticleFiles(contentDir);
  return Promise.all(
    files.map(async (file) => {
      const source = await readFile(file, 'utf8');
      const path = relative(root, file).split('\\').join('/');
      const parsed = parseArticle(source, path, articleIdOf(contentDir, file));
      const { data, issues } = validateFrontmatter(parsed);
      return { id: parsed.id, file, path, parsed, data, issues };
    }),
  );
}
