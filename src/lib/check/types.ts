import type { Root } from 'mdast';
import type { SourceArticle } from '../content/read-articles.ts';
import type { Taxonomy } from '../schema/taxonomy.ts';
import type { Position } from '../content/parse-article.ts';

import type { Severity } from '../findings.ts';

// A finding of `kb check` is the one finding shape of every kb command (src/lib/findings.ts).
export type { Finding, Severity } from '../findings.ts';

/** An article as the checks see it: parsed frontmatter plus the MDX tree of its body. */
export interface CheckedArticle extends SourceArticle {
  /** The body's MDX tree with file positions, or undefined when the body is not valid MDX. */
  tree: Root | undefined;
  /** The MDX syntax error, when the body does not parse. */
  parseError: { message: string; position: Position; hint?: string } | undefined;
  /** Heading ids as the site generates them (github-slugger over the heading text). */
  anchors: Set<string>;
}

/** What every rule can look at: all articles (links resolve against all of them) and the taxonomy. */
export interface CheckContext {
  articles: CheckedArticle[];
  byId: Map<string, CheckedArticle>;
  taxonomy: Taxonomy | undefined;
  contentDir: string;
  root: string;
  /** URL schemes that links may use besides relative URLs (the URL policy). */
  urlSchemes: readonly string[];
}

export type Report = (article: CheckedArticle, position: Position, message: string, hint?: string) => void;

/** A rule checks one concern; findings go through `report` with the rule's id and severity. */
export interface Rule {
  id: string;
  severity: Severity;
  /** One line for `kb check --rules` and the docs. */
  description: string;
  check(context: CheckContext, report: Report): void;
}
