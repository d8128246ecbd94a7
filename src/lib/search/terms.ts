import { errorCodeVariants } from '../error-codes.ts';
import { words, type Vocabulary } from './decompound.ts';
import type { SynonymIndex } from './synonyms.ts';
import { withoutUmlauts } from './umlauts.ts';
import { wordVariants } from './variants.ts';

const ERROR_CODE_COMPONENT = /<ErrorCode\s+code=["']([^"']+)["']/g;

/**
 * The two Pagefind meta fields that carry words indexed with an article but never shown.
 * Pagefind (1.5+) searches every meta field, but meta text is not part of the page's content,
 * so excerpts never show it. A hidden element would not do: Pagefind builds excerpts from the
 * same word stream it indexes, weights and `data-pagefind-index-attrs` included.
 * - `kbtitle`: words derived from the title, ranked like the title (`searchRanking`);
 * - `kbterms`: words derived from the summary and the body, ranked like body words.
 */
export const SEARCH_TERM_FIELDS = { title: 'kbtitle', body: 'kbterms' } as const;

/** What the build knows to derive search words: the German vocabulary and the synonyms of the article's language. */
export interface SearchTermContext {
  /** German words of this site's articles (public site: public text only). */
  vocabulary: Vocabulary;
  synonyms: SynonymIndex;
}

export interface SearchTerms {
  /** Compound parts, word forms and synonyms of the title's words. */
  title: string;
  /** The same for the summary and body, plus every spelling of the article's error codes. */
  body: string;
}

/** Code, URLs, markup and MDX imports say nothing a visitor searches for (the hidden terms and the term list both cut them). */
export function prose(body: string): string {
  return body
    .replace(/```[^]*?```/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/^import .*$/gm, ' ');
}

/**
 * Derived words of one word, memoised per build by the caller's cache: compound parts (German),
 * their -ieren/participle forms (German), the synonyms of the word and of its parts, and (German)
 * the spelling without umlauts of the word and of each of those (umlauts.ts).
 */
function derive(word: string, lang: string, context: SearchTermContext, cache: Map<string, string[]>): string[] {
  const key = `${lang}:${word}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const out: string[] = [];
  const bases = [word];
  if (lang === 'de') {
    const parts = context.vocabulary.split(word) ?? [];
    out.push(...parts);
    bases.push(...parts);
    for (const base of bases) out.push(...wordVariants(base, context.vocabulary));
  }
  for (const base of bases) out.push(...context.synonyms.of(base));
  if (lang === 'de') {
    for (const form of [word, ...out]) {
      const typed = withoutUmlauts(form);
      if (typed) out.push(typed);
    }
  }
  const unique = [...new Set(out)];
  cache.set(key, unique);
  return unique;
}

const caches = new WeakMap<SearchTermContext, Map<string, string[]>>();

/**
 * The hidden search words of an article: for the title field the derived words of the title
 * (all of them, so a query for two parts of a title compound covers the field), for the body
 * field the derived words of summary and body that the article does not contain anyway, and
 * every spelling of its error codes (frontmatter and `<ErrorCode>`).
 */
export function searchTerms(
  article: { body?: string | undefined; data: { title: string; summary: string; error_codes: string[]; lang: string } },
  context: SearchTermContext,
): SearchTerms {
  let cache = caches.get(context);
  if (!cache) caches.set(context, (cache = new Map()));
  const { lang, title, summary, error_codes: errorCodes } = article.data;
  const body = article.body ?? '';
  const titleWords = new Set(words(title));
  const titleTerms = new Set<string>();
  for (const word of titleWords) for (const term of derive(word, lang, context, cache)) if (!titleWords.has(term)) titleTerms.add(term);

  const own = new Set([...titleWords, ...words(summary), ...words(prose(body))]);
  const bodyTerms = new Set<string>();
  for (const word of own) {
    if (titleWords.has(word)) continue;
    for (const term of derive(word, lang, context, cache)) if (!own.has(term) && !titleTerms.has(term)) bodyTerms.add(term);
  }
  const codes = new Set([...errorCodes, ...[...body.matchAll(ERROR_CODE_COMPONENT)].map((m) => m[1] ?? '')]);
  for (const variant of [...codes].filter(Boolean).flatMap(errorCodeVariants)) bodyTerms.add(variant);
  return { title: [...titleTerms].join(' '), body: [...bodyTerms].join(' ') };
}
