import { readFile, stat } from 'node:fs/promises';
import { basename, extname, relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { SourceRoots } from './confine.ts';
import { slugify } from '../slug.ts';

/** One article to import, whatever format it came in. */
export interface SourceDoc {
  /** Name used in the report: the path as given, or `<export.json>#<id>` for API exports. */
  name: string;
  /** Absolute path of the file it came from (links and images resolve from here). */
  path: string;
  kind: 'markdown' | 'html' | 'zendesk';
  /** Encoding the file was decoded from when it was not UTF-8 (reported). */
  encoding?: string | undefined;
  /** Wanted slug, before duplicates are resolved. */
  slug: string;
  /** For `zendesk`: the article object of the export. For others: the file text. */
  text: string;
  article?: Record<string, unknown>;
}

/** Files the importer saw but did not import, with why; they are listed in the report. */
export interface SkippedFile {
  file: string;
  reason: string;
}

const PATTERN = '**/*.{md,markdown,html,htm,json}';

/**
 * Lists the sources under the given files and folders, sorted. Files inside include folders
 * are skipped (they are inlined where they are used); JSON files that are not a Help Center
 * export are skipped with a reason, and so are files that are not regular files and symbolic
 * links that lead outside the given folders (`roots`).
 */
export async function discoverSources(
  inputs: readonly string[],
  includeFolders: readonly string[],
  cwd: string = process.cwd(),
  roots: SourceRoots = new SourceRoots(inputs, cwd),
): Promise<{ docs: SourceDoc[]; skipped: SkippedFile[] }> {
  const files: string[] = [];
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    const info = await stat(abs);
    if (info.isDirectory()) {
      // every file found, also through a linked folder, is checked against the roots below
      const found = await glob(PATTERN, { cwd: abs, absolute: true, ignore: includeFolders.map((f) => `**/${f}/**`) });
      files.push(...found);
    } else files.push(abs);
  }
  const docs: SourceDoc[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of [...new Set(files)].sort()) {
    const name = relative(cwd, file).split(sep).join('/');
    const ext = extname(file).toLowerCase();
    const real = roots.resolve(file);
    if (!real) {
      skipped.push({ file: name, reason: 'outside-source: a symbolic link to a file outside the imported folders (not read)' });
      continue;
    }
    if (!(await stat(real)).isFile()) {
      skipped.push({ file: name, reason: 'not-a-file: not a regular file (not read)' });
      continue;
    }
    const { text, encoding } = decode(await readFile(real));
    const base = slugify(basename(file, extname(file)));
    if (ext === '.md' || ext === '.markdown') docs.push({ name, path: file, kind: 'markdown', slug: base, text, encoding });
    else if (ext === '.html' || ext === '.htm')
      docs.push({ name, path: file, kind: 'html', encoding, slug: slugify(basename(file, extname(file)).replace(/_\d+$/, '')), text }); // Confluence appends _<page id>
    else {
      const articles = zendeskArticles(text);
      if (typeof articles === 'string') {
        skipped.push({ file: name, reason: articles });
        continue;
      }
      for (const article of articles) {
        const id = String(article['id'] ?? docs.length);
        docs.push({
          name: `${name}#${id}`,
          path: file,
          kind: 'zendesk',
          slug: slugify(String(article['title'] ?? id)) || `article-${id}`,
          text: String(article['body'] ?? ''),
          article,
        });
      }
    }
  }
  return { docs, skipped };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text of a file: UTF-8 when it is valid UTF-8, else the encoding chardet detects (e.g. windows-1252). */
export function decode(buffer: Buffer): { text: string; encoding?: string | undefined } {
  try {
    return { text: utf8.decode(buffer) };
  } catch {
    const detected = chardet.detect(buffer) ?? 'windows-1252';
    const encoding = iconv.encodingExists(detected) && !/^utf-?8$/i.test(detected) ? detected : 'windows-1252';
    return { text: iconv.decode(buffer, encoding), encoding: encoding.toLowerCase() };
  }
}

function zendeskArticles(text: string): Record<string, unknown>[] | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return `Unexpected JSON syntax (${(error as Error).message}), expected a Help Center export`;
  }
  const list = Array.isArray(data)
    ? data
    : ((data as { articles?: unknown })?.articles ?? ((data as { article?: unknown })?.article ? [(data as { article: unknown }).article] : undefined));
  if (!Array.isArray(list)) return 'JSON without an `articles` array (not a Help Center export)';
  if (!list.every((a) => a && typeof a === 'object' && 'body' in a)) return 'JSON `articles` without a `body` each (not a Help Center export)';
  return list as Record<string, unknown>[];
}

/** Gives each source a unique slug: a taken slug gets its parent folder's name, then a number. */
export function assignSlugs(docs: readonly SourceDoc[]): Map<SourceDoc, string> {
  const taken = new Set<string>();
  const result = new Map<SourceDoc, string>();
  const counts = new Map<string, number>();
  for (const doc of docs) counts.set(doc.slug, (counts.get(doc.slug) ?? 0) + 1);
  for (const doc of docs) {
    let candidate = doc.slug || 'article';
    if ((counts.get(candidate) ?? 0) > 1 || taken.has(candidate)) {
      const parent = slugify(basename(resolve(doc.path, '..')));
      if (doc.kind !== 'zendesk' && parent && !taken.has(`${candidate}-${parent}`)) candidate = `${candidate}-${parent}`;
    }
    let n = 2;
    const stem = candidate;
    while (taken.has(candidate)) candidate = `${stem}-${n++}`;
    taken.add(candidate);
    result.set(doc, candidate);
  }
  return result;
}
