import { existsSync, readFileSync } from 'node:fs';
import { parseSynonyms, SYNONYMS_FILE } from '../search/synonyms.ts';
import { join, relative, resolve } from 'node:path';
import { readArticles } from '../content/read-articles.ts';
import { readTaxonomy, TAXONOMY_FILE } from '../content/taxonomy.ts';
import { YamlFileError } from '../content/bounded-yaml.ts';
import type { Taxonomy } from '../schema/taxonomy.ts';
import { headingAnchors, parseBody } from './parse-body.ts';
import { RULES } from './rules/index.ts';
import { DEFAULT_URL_SCHEMES } from '../url-policy.ts';
import type { CheckContext, CheckedArticle, Finding, Rule } from './types.ts';

export interface CheckResult {
  findings: Finding[];
  /** Files read (every article file, whether reported or not). */
  files: number;
  /** Files whose findings are reported (all, or those named on the command line). */
  reported: number;
  counts: Record<Finding['severity'], number>;
}

export interface CheckOptions {
  contentDir: string;
  root?: string;
  /** Report only these files (paths relative to root or absolute); links still resolve against all. */
  only?: string[];
  rules?: Rule[];
  /** URL schemes links may use (kb({ urlSchemes }) in astro.config.mjs); default http, https, mailto, tel. */
  urlSchemes?: readonly string[];
}

/** Reads every article once, runs every rule, and returns the findings sorted by file and place. */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const root = options.root ?? process.cwd();
  const sources = await readArticles(options.contentDir, root);
  const articles: CheckedArticle[] = sources.map((source) => {
    const { tree, error } = parseBody(source.parsed);
    return { ...source, tree, parseError: error, anchors: headingAnchors(tree) };
  });
  const findings: Finding[] = [];
  let taxonomy: Taxonomy | undefined;
  const taxonomyFile = join(options.contentDir, TAXONOMY_FILE);
  try {
    taxonomy = readTaxonomy(options.contentDir);
  } catch (error) {
    // a YAML mistake has its place; a schema problem names the field in its message
    const place = error instanceof YamlFileError ? error : { line: 1, column: 1 };
    findings.push({
      file: relative(root, taxonomyFile),
      line: place.line,
      column: place.column,
      ruleId: 'taxonomy',
      severity: 'error',
      message: existsSync(taxonomyFile)
        ? error instanceof YamlFileError
          ? `Unexpected YAML: ${error.reason}`
          : (error as Error).message.split('\n').join(' ')
        : `Missing ${TAXONOMY_FILE}, expected products and tags in ${relative(root, taxonomyFile)}`,
      hint: 'The taxonomy lists the products (with names and owners) and tags articles may use.',
    });
  }
  // content/synonyms.yaml is optional; when present each problem points at its value
  const synonymsFile = join(options.contentDir, SYNONYMS_FILE);
  if (existsSync(synonymsFile)) {
    for (const problem of parseSynonyms(readFileSync(synonymsFile, 'utf8')).problems) {
      findings.push({
        file: relative(root, synonymsFile),
        line: problem.line,
        column: problem.column,
        ruleId: 'synonyms',
        severity: 'error',
        message: problem.message,
        hint: 'Each group is a list of at least two single words, e.g. `- [kennwort, passwort]`, under `de:` or `en:`; a word belongs to one group only.',
      });
    }
  }
  const context: CheckContext = {
    articles,
    byId: new Map(articles.map((a) => [a.id, a])),
    taxonomy,
    contentDir: options.contentDir,
    root,
    urlSchemes: options.urlSchemes ?? DEFAULT_URL_SCHEMES,
  };
  for (const rule of options.rules ?? RULES) {
    rule.check(context, (article, position, message, hint) => {
      findings.push({
        file: article.path,
        line: position.line,
        column: position.column,
        ruleId: rule.id,
        severity: rule.severity,
        message,
        ...(hint ? { hint } : {}),
      });
    });
  }
  const only = options.only?.map((p) => relative(root, resolve(root, p)));
  const reportedFindings = only ? findings.filter((f) => only.some((o) => f.file === o || f.file.startsWith(`${o}/`))) : findings;
  reportedFindings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of reportedFindings) counts[f.severity]++;
  const reported = only ? articles.filter((a) => only.some((o) => a.path === o || a.path.startsWith(`${o}/`))).length : articles.length;
  return { findings: reportedFindings, files: articles.length, reported, counts };
}
