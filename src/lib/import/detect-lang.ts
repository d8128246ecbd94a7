import { createRequire } from 'node:module';
import { basename, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { isLang, type Lang } from '../levels.ts';
import { mapFieldValue } from './frontmatter.ts';
import { fieldTargets, type Mapping } from './mapping.ts';
import { splitFrontmatter } from './convert-markdown.ts';
import type { SourceDoc } from './sources.ts';

const require = createRequire(import.meta.url);
const stopword = require('stopword') as { deu: string[]; eng: string[] };

/**
 * Which signal decided an article's language, strongest first: a frontmatter key (its name,
 * e.g. `ms.contentlocale`), `html lang` of an HTML page, a locale-named folder (`de-de/`),
 * the mapping's `defaults.lang`, the text (stop words), or the built-in default (`en`).
 */
export type LangSignal = string;

export interface DetectedLang {
  /** A language code as the source says it, lower-case, without region (`de`, `en`, `fr`). */
  lang: string;
  signal: LangSignal;
  /** For the text check: the share of German among the stop words found, 0..1. */
  germanShare?: number | undefined;
}

/** Built-in fallback when nothing says which language a source is in. */
export const FALLBACK_LANG: Lang = 'en';

/** `de-DE`, `de_de`, `IntuneDocs.de-de`, or a bare `de`/`en`: a folder name that is a locale (or ends in one after a dot). */
const LOCALE_FOLDER = /(?:^|\.)([a-z]{2})(?:[-_]([a-z]{2}))?$/i;
/** Languages a locale folder may name (with a region: `fr-fr/` is reported as unsupported, `my-os/` is no locale). */
const KNOWN_LANGUAGES = new Set(['de', 'en', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'fi', 'nb', 'no', 'cs', 'hu', 'ru', 'ja', 'zh', 'ko', 'tr']);

/**
 * The language of one source, from the strongest signal it has: frontmatter keys that the
 * mapping maps to `lang` (built in: `ms.contentlocale`, `lang`, `locale`, `ms.locale`), the
 * `lang` of an HTML page, a folder named like a locale between the imported folder and the
 * file, the mapping's `defaults.lang`, and as the last resort the text (German and English stop
 * words). `root` is the imported folder the file was found in (its own name counts too).
 */
export function detectLanguage(doc: SourceDoc, mapping: Mapping, root?: string): DetectedLang {
  const fromFields = languageFromFields(sourceFields(doc), mapping);
  if (fromFields) return fromFields;
  if (doc.kind === 'html') {
    const lang = /<html\b[^>]*\blang\s*=\s*["']?([a-z]{2,3})(?:[-_][a-z0-9]+)?/i.exec(doc.text)?.[1];
    if (lang) return { lang: lang.toLowerCase(), signal: 'html lang' };
  }
  const folder = languageFromFolder(doc.path, root);
  if (folder) return { lang: folder, signal: 'folder' };
  const mapped = mapping.defaults['lang'];
  if (typeof mapped === 'string' && mapped) return { lang: mapped.toLowerCase(), signal: 'mapping default' };
  const text = textLanguage(doc.kind === 'markdown' ? splitFrontmatter(doc.text).body : doc.text);
  if (text.lang) return { lang: text.lang, signal: 'text', germanShare: text.germanShare };
  return { lang: FALLBACK_LANG, signal: 'default', ...(text.germanShare === undefined ? {} : { germanShare: text.germanShare }) };
}

function sourceFields(doc: SourceDoc): Record<string, unknown> {
  if (doc.kind === 'zendesk') return doc.article ?? {};
  if (doc.kind !== 'markdown') return {};
  const { yaml } = splitFrontmatter(doc.text);
  if (yaml === undefined) return {};
  try {
    const data = parse(yaml, { uniqueKeys: false }) as unknown;
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch {
    // a broken header is reported when the article is converted; the other signals still count
    return {};
  }
}

/** The first source key (in the mapping's order) that the mapping maps to `lang` and that has a usable value. */
function languageFromFields(fields: Record<string, unknown>, mapping: Mapping): DetectedLang | undefined {
  const byLowerKey = new Map(Object.entries(fields).map(([k, v]) => [k.trim().toLowerCase(), v]));
  for (const [key, rule] of Object.entries(mapping.fields)) {
    for (const target of fieldTargets(rule)) {
      if (target.to !== 'lang') continue;
      const value = byLowerKey.get(key.toLowerCase());
      if (value === undefined || value === null || String(value).trim() === '') continue;
      const lang = mapFieldValue('lang', value, target.values);
      if (typeof lang === 'string' && /^[a-z]{2,3}$/.test(lang)) return { lang, signal: key };
    }
  }
  return undefined;
}

/** A locale-named folder on the way from the imported folder (included) to the file, nearest first. */
export function languageFromFolder(file: string, root?: string): string | undefined {
  const inside = root ? relative(root, file).split(sep).slice(0, -1) : [];
  const folders = root ? [basename(root), ...inside] : [];
  for (const folder of folders.reverse()) {
    const match = LOCALE_FOLDER.exec(folder);
    const lang = match?.[1]?.toLowerCase();
    if (!lang || !KNOWN_LANGUAGES.has(lang)) continue;
    if (match?.[2] || isLang(lang)) return lang;
  }
  return undefined;
}

// Words that are stop words in one language only: "die", "in", "an", "so" count for neither.
const GERMAN = new Set(stopword.deu.map((w) => w.toLowerCase()));
const ENGLISH = new Set(stopword.eng.map((w) => w.toLowerCase()));
for (const word of [...GERMAN]) {
  if (ENGLISH.has(word)) {
    GERMAN.delete(word);
    ENGLISH.delete(word);
  }
}

/** Fewer stop words than this and the text says nothing (a title, a table of commands). */
const MIN_STOP_WORDS = 8;
/** Share of one language among the stop words needed to call it. */
const DECISIVE_SHARE = 0.75;

/**
 * German or English from the text alone: the share of German among the German-only and
 * English-only stop words (from the `stopword` package). Code, URLs and markup are left out.
 * Undecided (`lang` undefined) when there are too few stop words or neither language dominates.
 */
export function textLanguage(text: string): { lang?: Lang; germanShare?: number } {
  const prose = text
    .replace(/```[^]*?```/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/https?:\/\/\S+/g, ' ');
  let german = 0;
  let english = 0;
  for (const word of prose.toLowerCase().match(/[a-zäöüß]+/g) ?? []) {
    if (GERMAN.has(word)) german++;
    else if (ENGLISH.has(word)) english++;
  }
  if (german + english < MIN_STOP_WORDS) return german + english ? { germanShare: german / (german + english) } : {};
  const germanShare = german / (german + english);
  if (germanShare >= DECISIVE_SHARE) return { lang: 'de', germanShare };
  if (germanShare <= 1 - DECISIVE_SHARE) return { lang: 'en', germanShare };
  return { germanShare };
}

/** Counts per language and, within it, per deciding signal: what `kb import` reports. */
export type LanguageCounts = Record<string, Record<LangSignal, number>>;

export function countLanguage(counts: LanguageCounts, lang: string, signal: LangSignal): void {
  const bySignal = (counts[lang] ??= {});
  bySignal[signal] = (bySignal[signal] ?? 0) + 1;
}

/** `de 618 (ms.contentlocale 618); en 3 (text 2, default 1)`. */
export function formatLanguageCounts(counts: LanguageCounts): string {
  return Object.entries(counts)
    .map(([lang, bySignal]) => {
      const total = Object.values(bySignal).reduce((a, b) => a + b, 0);
      const signals = Object.entries(bySignal)
        .sort((a, b) => b[1] - a[1])
        .map(([signal, n]) => `${signal} ${n}`)
        .join(', ');
      return { lang, total, text: `${lang} ${total} (${signals})` };
    })
    .sort((a, b) => b.total - a.total || a.lang.localeCompare(b.lang))
    .map((l) => l.text)
    .join('; ');
}
