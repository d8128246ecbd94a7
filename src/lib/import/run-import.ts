import { copyFileSync, cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { stringify as stringifyYaml } from 'yaml';
import { articleUrl } from '../article-id.ts';
import { articleFile, articlesDir } from '../content/read-articles.ts';
import type { Taxonomy } from '../schema/taxonomy.ts';
import { convertDoc } from './convert-doc.ts';
import type { IgnoredCounts } from './frontmatter.ts';
import { IssueSink, type ImportIssue } from './issues.ts';
import type { LinkContext } from './links.ts';
import type { Mapping } from './mapping.ts';
import { frontmatterYaml, serializeArticle, validateOutput } from './serialize.ts';
import { assignSlugs, discoverSources, type SkippedFile, type SourceDoc } from './sources.ts';
import { collectCrossLinks, unlinkInternalTargets, type CrossLink } from './cross-links.ts';
import type { TargetData } from './frontmatter.ts';
import type { Root } from 'mdast';
import { TaxonomyBuilder } from './taxonomy-builder.ts';
import { honestReviewDates, type ReviewDateSummary } from './review-dates.ts';
import { readSourceHistory } from './source-history.ts';

/** What `kb import` needs. */
export interface ImportOptions {
  /** Files and folders to import. */
  inputs: string[];
  /** Content folder to write into: articles go to `<outDir>/articles/<lang>/<slug>.mdx`. */
  outDir: string;
  mapping: Mapping;
  /** Taxonomy that products and tags are checked against. */
  taxonomy: Taxonomy;
  /** Write `<outDir>/taxonomy.yaml` with the products and tags the import needed (separate content folders only). */
  writeTaxonomy: boolean;
  /** Lifecycle folder copied to `<outDir>/lifecycle` with the generated taxonomy, so kb stale judges versions there too. */
  lifecycleDir?: string | undefined;
  /** false: do not read the sources' git history or FILE_HISTORY.csv for review dates. */
  history?: boolean | undefined;
  /** Convert and validate, write nothing. */
  dryRun?: boolean | undefined;
  cwd?: string | undefined;
  /** Called after each source, for a progress bar. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** The outcome for one source. */
export interface ImportedFile {
  source: string;
  /** Article id (`en/slug`). */
  id: string;
  /** Written file, relative to the working folder; absent when rejected or on a dry run. */
  output?: string;
  status: 'written' | 'rejected' | 'checked';
  issues: ImportIssue[];
}

export interface ImportResult {
  files: ImportedFile[];
  skipped: SkippedFile[];
  /** Source keys dropped on purpose by `ignore:`, with how often. */
  ignoredKeys: Record<string, number>;
  newProducts: string[];
  newTags: string[];
  /** Path of the generated taxonomy file, if one was written. */
  taxonomyFile?: string;
  /** Bulk-set review dates found, and what replaced them. */
  reviewDates: ReviewDateSummary;
}

interface Pending {
  doc: SourceDoc;
  slug: string;
  lang: string;
  data: TargetData;
  sink: IssueSink;
  mdx?: string;
  tree?: Root;
  crossLinks?: CrossLink[];
}

/**
 * Imports every source in two passes: convert and map each one, then, once every article's
 * audience is known, unlink public-to-internal links, check against the schema and MDX, write.
 */
export async function runImport(options: ImportOptions): Promise<ImportResult> {
  const cwd = options.cwd ?? process.cwd();
  const { mapping } = options;
  const { docs, skipped } = await discoverSources(options.inputs, mapping.includeFolders, cwd);
  const slugs = assignSlugs(docs);
  const defaultLang = String(mapping.defaults['lang'] ?? 'en');
  const articleUrls = new Map<string, string>();
  for (const doc of docs) if (doc.kind !== 'zendesk') articleUrls.set(doc.path, articleUrl(defaultLang, slugs.get(doc)!));
  const taxonomy = new TaxonomyBuilder(options.taxonomy, options.writeTaxonomy);
  const ignored: IgnoredCounts = new Map();
  const files: ImportedFile[] = [];
  const pending: Pending[] = [];
  for (const doc of docs) {
    options.onProgress?.(files.length + pending.length, docs.length);
    const slug = slugs.get(doc)!;
    const sink = new IssueSink(doc.name);
    let lang = defaultLang;
    const links: LinkContext = {
      articleUrls,
      baseUrl: mapping.baseUrl,
      copyAsset: (abs) => {
        const name = `media/${slug}/${basename(abs)}`;
        if (!options.dryRun) {
          mkdirSync(join(articlesDir(options.outDir), lang, 'media', slug), { recursive: true });
          copyFileSync(abs, join(articlesDir(options.outDir), lang, name));
        }
        return `./${name}`;
      },
    };
    if (doc.encoding) sink.add('encoding', `Unexpected ${doc.encoding} text, expected UTF-8 (decoded as ${doc.encoding})`, undefined, 'info', 'Check special characters in the output.');
    let converted;
    try {
      converted = convertDoc(doc, mapping, links, sink, ignored);
    } catch (error) {
      sink.add('convert-failed', `Unexpected failure converting this file: ${(error as Error).message}`, undefined, 'error', 'Report this as an importer bug with the source file.');
      files.push({ source: doc.name, id: `${lang}/${slug}`, status: 'rejected', issues: sink.issues });
      continue;
    }
    const { data, tree } = converted;
    if (data['lang'] !== 'en' && data['lang'] !== 'de') {
      sink.add('lang-unsupported', `Unexpected language \`${String(data['lang'])}\`, expected en or de (used ${defaultLang})`, undefined, 'warning');
      data['lang'] = defaultLang;
    }
    lang = String(data['lang']);
    taxonomy.resolve(data, mapping, sink);
    const crossLinks = collectCrossLinks(tree);
    // Trees wait for the second pass only when they link to other articles; the rest is text already.
    pending.push({ doc, slug, lang, data, sink, ...(crossLinks.length ? { tree, crossLinks } : { mdx: serializeArticle(data, tree) }) });
  }
  const reviewDates = honestReviewDates(
    pending.map((p) => ({ path: p.doc.path, data: p.data, sink: p.sink })),
    options.history === false ? { kind: 'none', files: new Map(), note: 'source history not read (--no-history)' } : readSourceHistory(options.inputs, cwd),
  );
  for (const item of pending) {
    // articles serialized in the first pass get the frontmatter with their final review date
    if (item.mdx) item.mdx = item.mdx.replace(/^---\n[^]*?\n---\n/, `---\n${frontmatterYaml(item.data)}---\n`);
  }
    const internalPages = new Set(pending.filter((p) => p.data['audience'] === 'internal').map((p) => articleUrl(p.lang, p.slug)));
  for (const item of pending) {
    const { doc, slug, lang, data, sink } = item;
    let mdx = item.mdx;
    if (item.tree) {
      if (data['audience'] === 'public') unlinkInternalTargets(item.crossLinks ?? [], internalPages, sink);
      mdx = serializeArticle(data, item.tree);
    }
    const problems = validateOutput(data, mdx!);
    const id = `${lang}/${slug}`;
    if (problems.length) {
      for (const p of problems) sink.add(p.rule, `Unexpected invalid output: ${p.reason}`, p.line ? { line: p.line, column: p.column ?? 1 } : undefined, 'error', 'The article was not written; fix the construct in the source or report an importer bug.');
      files.push({ source: doc.name, id, status: 'rejected', issues: sink.issues });
      continue;
    }
    if (options.dryRun) {
      files.push({ source: doc.name, id, status: 'checked', issues: sink.issues });
      continue;
    }
    const target = articleFile(options.outDir, lang, slug);
    mkdirSync(join(articlesDir(options.outDir), lang), { recursive: true });
    writeFileSync(target, mdx!);
    files.push({ source: doc.name, id, output: display(cwd, target), status: 'written', issues: sink.issues });
  }
  options.onProgress?.(files.length, docs.length);
  const result: ImportResult = {
    files,
    skipped,
    ignoredKeys: Object.fromEntries([...ignored].sort((a, b) => b[1] - a[1])),
    newProducts: taxonomy.newProducts(),
    newTags: taxonomy.newTags(),
    reviewDates,
  };
  if (options.writeTaxonomy && !options.dryRun) {
    const file = resolve(options.outDir, 'taxonomy.yaml');
    mkdirSync(options.outDir, { recursive: true });
    writeFileSync(file, `# Generated by kb import: the project taxonomy plus what the imported articles use.\n${stringifyYaml(taxonomy.toJSON(), { lineWidth: 0 })}`);
    result.taxonomyFile = display(cwd, file);
    if (options.lifecycleDir && existsSync(options.lifecycleDir) && resolve(options.lifecycleDir) !== resolve(options.outDir, 'lifecycle')) {
      cpSync(options.lifecycleDir, join(options.outDir, 'lifecycle'), { recursive: true });
    }
  }
  return result;
}

/** A path for messages: relative inside the working folder, absolute outside it. */
function display(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel.startsWith('..') ? file : rel.split(sep).join('/');
}
