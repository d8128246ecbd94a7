import { errorCodeVariants } from '../error-codes.ts';
import { compoundParts } from './decompound.ts';

const ERROR_CODE_COMPONENT = /<ErrorCode\s+code=["']([^"']+)["']/g;

/**
 * Extra words indexed with an article but not shown: every spelling of its error codes (from the
 * frontmatter and from <ErrorCode> in the text) and, for German, the parts of its compounds.
 * They go into one attribute at the end of the article so excerpts show the real text.
 */
export function hiddenSearchTerms(
  article: { body?: string | undefined; data: { title: string; summary: string; error_codes: string[]; lang: string } },
  germanVocabulary: ReadonlySet<string>,
): string {
  const body = article.body ?? '';
  const codes = new Set([...article.data.error_codes, ...[...body.matchAll(ERROR_CODE_COMPONENT)].map((m) => m[1] ?? '')]);
  const terms = [...codes].filter(Boolean).flatMap(errorCodeVariants);
  if (article.data.lang === 'de') {
    terms.push(...compoundParts(`${article.data.title} ${article.data.summary} ${body}`, germanVocabulary));
  }
  return [...new Set(terms)].join(' ');
}
