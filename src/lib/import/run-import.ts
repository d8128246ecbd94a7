import { cpSync, existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { stringify as stringifyYaml } from 'yaml';
import { articleUrl } from '../article-id.ts';
import { NestingTooDeep } from '../content/mdx.ts';
import { nestingHint } from '../content/nesting.ts';
import { articleFile, articlesDir } from '../content/read-articles.ts';
import type { Taxonomy } from '../schema/taxonomy.ts';
import { OutputFolder, OutsideOutputError, SourceRoots } from './confine.ts';
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
import { countLanguage, detectLanguage, FALLBACK_LANG, type DetectedLang, type LanguageCounts } from './detect-lang.ts';

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
  /** Synonyms file copied to `<outDir>/synonyms.yaml` with the generated taxonomy, so search on the import knows them too. */
  synonymsFile?: string | undefined;
  /** false: do not read the sources' git history or FILE_HISTORY.csv for review dates. */
  history?: boolean | undefined;
  /** Convert and validate, write nothing. */
  dryRun?: boolean | undefined;
  cwd?: string | undefined;
  /** URL schemes links may use (`urlSchemes` of kb() in astro.config.mjs); default http, https, mailto, tel. */
  urlSchemes?: readonly string[] | undefined;
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
  /** What decided the article's language: a frontmatter key, `html lang`, `folder`, `mapping default`, `text` or `default`. */
  langFrom?: string;
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
  /** Articles per language, and within each by the signal that decided it (`ms.contentlocale`, `folder`, `text`, ...). */
  languages: LanguageCounts;
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
  // reads stay inside the given folders, writes inside the output folder (confine.ts)
  const roots = new SourceRoots(options.inputs, cwd);
  const out = new OutputFolder(options.outDir);
  const { docs, skipped } = await discoverSources(options.inputs, mapping.includeFolders, cwd, roots);
  const slugs = assignSlugs(docs);
  const defaultLang = String(mapping.defaults['lang'] ?? FALLBACK_LANG);
  // every article's language first: links between imported articles point into its folder
  const inputRoots = options.inputs.map((input) => resolve(cwd, input));
  const detected = new Map<SourceDoc, DetectedLang>();
  for (const doc of docs) detected.set(doc, detectLanguage(doc, mapping, rootOf(doc.path, inputRoots)));
  const languageOf = (doc: SourceDoc) => {
    const lang = detected.get(doc)!.lang;
    return lang === 'en' || lang === 'de' ? lang : defaultLang;
  };
  const articleUrls = new Map<string, string>();
  for (const doc of docs) if (doc.kind !== 'zendesk') articleUrls.set(doc.path, articleUrl(languageOf(doc), slugs.get(doc)!));
  const languages: LanguageCounts = {};
  const taxonomy = new TaxonomyBuilder(options.taxonomy, options.writeTaxonomy);
  const ignored: IgnoredCounts = new Map();
  const files: ImportedFile[] = [];
  const pending: Pending[] = [];
  for (const doc of docs) {
    options.onProgress?.(files.length + pending.length, docs.length);
    const slug = slugs.get(doc)!;
    const sink = new IssueSink(doc.name);
    const found = detected.get(doc)!;
    const lang = languageOf(doc);
    if (lang !== found.lang) {
      sink.add(
        'lang-unsupported',
        `Unexpected language \`${found.lang}\` (from ${found.signal}), expected en or de (used ${lang})`,
        undefined,
        'warning',
        'Set `defaults.lang` in the mapping, or translate the article.',
      );
    }
    countLanguage(languages, lang, lang === found.lang ? found.signal : 'unsupported');
    // images are copied once the article's language is known: into articles/<lang>/media/<slug>/
    const assets = new Map<string, string>();
    const links: LinkContext = {
      articleUrls,
      baseUrl: mapping.baseUrl,
      urlSchemes: options.urlSchemes,
      roots,
      copyAsset: (abs) => {
        let name = assets.get(abs);
        if (name === undefined) {
          // two images of one article with the same file name both keep their content
          const used = new Set(assets.values());
          name = basename(abs);
          for (let n = 2; used.has(name); n++) name = basename(abs).replace(/(\.[^.]*)?$/, `-${n}$1`);
          assets.set(abs, name);
        }
        return `./media/${slug}/${name}`;
      },
    };
    if (doc.encoding)
      sink.add(
        'encoding',
        `Unexpected ${doc.encoding} text, expected UTF-8 (decoded as ${doc.encoding})`,
        undefined,
        'info',
        'Check special characters in the output.',
      );
    let converted;
    try {
      converted = convertDoc(doc, mapping, links, sink, ignored, lang);
    } catch (error) {
      if (error instanceof NestingTooDeep) sink.add('too-deep', error.reason, error, 'error', nestingHint(error.kind));
      else
        sink.add(
          'convert-failed',
          `Unexpected failure converting this file: ${(error as Error).message}`,
          undefined,
          'error',
          'Report this as an importer bug with the source file.',
        );
      files.push({ source: doc.name, id: `${lang}/${slug}`, status: 'rejected', langFrom: found.signal, issues: sink.issues });
      continue;
    }
    const { data, tree } = converted;
    if (!options.dryRun) {
      for (const [abs, name] of assets) {
        try {
          out.copy(abs, join(articlesDir(options.outDir), lang, 'media', slug, name));
        } catch (error) {
          if (!(error instanceof OutsideOutputError)) throw error;
          sink.add(
            'outside-output',
            `Unexpected ${error.message}, expected a folder inside the output folder (image not copied)`,
            undefined,
            'error',
            'Remove the symbolic link from the output folder.',
          );
        }
      }
    }
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
      for (const p of problems)
        sink.add(
          p.rule,
          `Unexpected invalid output: ${p.reason}`,
          p.line ? { line: p.line, column: p.column ?? 1 } : undefined,
          'error',
          'The article was not written; fix the construct in the source or report an importer bug.',
        );
      files.push({ source: doc.name, id, status: 'rejected', langFrom: detected.get(doc)!.signal, issues: sink.issues });
      continue;
    }
    if (options.dryRun) {
      files.push({ source: doc.name, id, status: 'checked', langFrom: detected.get(doc)!.signal, issues: sink.issues });
      continue;
    }
    let target: string;
    try {
      target = out.write(articleFile(options.outDir, lang, slug), mdx!);
    } catch (error) {
      if (!(error instanceof OutsideOutputError)) throw error;
      sink.add(
        'outside-output',
        `Unexpected ${error.message}, expected a folder inside the output folder (not written)`,
        undefined,
        'error',
        'Remove the symbolic link from the output folder.',
      );
      files.push({ source: doc.name, id, status: 'rejected', langFrom: detected.get(doc)!.signal, issues: sink.issues });
      continue;
    }
    files.push({ source: doc.name, id, output: display(cwd, target), status: 'written', langFrom: detected.get(doc)!.signal, issues: sink.issues });
  }
  options.onProgress?.(files.length, docs.length);
  const result: ImportResult = {
    files,
    skipped,
    ignoredKeys: Object.fromEntries([...ignored].sort((a, b) => b[1] - a[1])),
    newProducts: taxonomy.newProducts(),
    newTags: taxonomy.newTags(),
    reviewDates,
    languages,
  };
  if (options.writeTaxonomy && !options.dryRun) {
    const file = out.write(
      'taxonomy.yaml',
      `# Generated by kb import: the project taxonomy plus what the imported articles use.\n${stringifyYaml(taxonomy.toJSON(), { lineWidth: 0 })}`,
    );
    result.taxonomyFile = display(cwd, file);
    if (options.lifecycleDir && existsSync(options.lifecycleDir) && resolve(options.lifecycleDir) !== resolve(options.outDir, 'lifecycle')) {
      cpSync(options.lifecycleDir, join(options.outDir, 'lifecycle'), { recursive: true });
    }
    const synonymsOut = resolve(options.outDir, 'synonyms.yaml');
    if (options.synonymsFile && existsSync(options.synonymsFile) && resolve(options.synonymsFile) !== synonymsOut && !existsSync(synonymsOut)) {
      out.write('synonyms.yaml', readFileSync(options.synonymsFile, 'utf8'));
    }
  }
  return result;
}

/** The imported folder a source was found in (for a file given on its own, its folder). */
function rootOf(file: string, inputs: readonly string[]): string {
  const holding = inputs.filter((input) => file === input || file.startsWith(`${input}${sep}`)).sort((a, b) => b.length - a.length)[0];
  return holding === undefined || holding === file ? dirname(file) : holding;
}

/** A path for messages: relative inside the working folder, absolute outside it. */
function display(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel.startsWith('..') ? file : rel.split(sep).join('/');
}
