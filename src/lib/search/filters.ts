import type { Audience, Lang, Level } from '../levels.ts';

/**
 * Values indexed as Pagefind filters. They are language-neutral ids so that one selection
 * filters the German and the English index alike; the UI shows localized labels for them.
 */
export const searchFilterValues = {
  level: (level: Level) => String(level),
  product: (id: string) => id,
  language: (lang: Lang) => lang,
  audience: (audience: Audience) => audience,
  /** The `translation_key` the language versions of an article share: the results list them once. */
  translation: (key: string) => key,
};
