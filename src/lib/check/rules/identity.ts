import { positionOfKey } from '../../content/parse-article.ts';
import type { Rule } from '../types.ts';

export const duplicateSlug: Rule = {
  id: 'duplicate-slug',
  severity: 'error',
  description: 'Two files may not make the same page (same slug in one language, also by case or extension).',
  check({ articles }, report) {
    const seen = new Map<string, string>();
    for (const article of articles) {
      const key = article.id.toLowerCase();
      const first = seen.get(key);
      if (first) {
        report(
          article,
          { line: 1, column: 1 },
          `Unexpected duplicate slug \`${article.id}\`, expected a slug of its own (also used by ${first})`,
          'Rename one of the files; the file name is the page address.',
        );
      } else seen.set(key, article.path);
    }
  },
};

export const slugFormat: Rule = {
  id: 'slug-format',
  severity: 'warning',
  description: 'File names are lowercase words with hyphens: they become the page address.',
  check({ articles }, report) {
    for (const article of articles) {
      const slug = article.id.split('/').slice(1).join('/');
      if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) continue;
      report(
        article,
        { line: 1, column: 1 },
        `Unexpected file name \`${slug}\`, expected lowercase letters, digits and hyphens`,
        'Rename the file, e.g. `drucker-reagiert-nicht.mdx` (ä → ae, ö → oe, ü → ue, ß → ss).',
      );
    }
  },
};

export const duplicateTranslation: Rule = {
  id: 'duplicate-translation',
  severity: 'error',
  description: 'A translation key is used by at most one article per language.',
  check({ articles }, report) {
    const seen = new Map<string, string>();
    for (const article of articles) {
      const key = article.data?.translation_key;
      if (!key) continue;
      const slot = `${article.data?.lang}:${key}`;
      const first = seen.get(slot);
      if (first) {
        report(
          article,
          positionOfKey(article.parsed, ['translation_key']),
          `Unexpected second \`${article.data?.lang}\` article with translation_key \`${key}\`, expected one per language (first: ${first})`,
          'Give each article its own key; the key pairs one article with its translation.',
        );
      } else seen.set(slot, article.path);
    }
  },
};

export const translationMissing: Rule = {
  id: 'translation-missing',
  severity: 'warning',
  description: 'A translation key pairs articles: a key with no partner in another language is probably a typo.',
  check({ articles }, report) {
    const langs = new Map<string, Set<string>>();
    for (const a of articles)
      if (a.data?.translation_key)
        (langs.get(a.data.translation_key) ?? langs.set(a.data.translation_key, new Set()).get(a.data.translation_key))?.add(a.data.lang);
    for (const article of articles) {
      const key = article.data?.translation_key;
      if (!key || (langs.get(key)?.size ?? 0) > 1) continue;
      report(
        article,
        positionOfKey(article.parsed, ['translation_key']),
        `Unexpected translation_key \`${key}\` without a partner, expected an article in the other language with the same key`,
        'Add the translation, correct the key, or remove it until the translation exists.',
      );
    }
  },
};

export const translationLevelMismatch: Rule = {
  id: 'translation-level-mismatch',
  severity: 'error',
  description: 'Translations of one article have the same level (and so the same escalation path).',
  check({ articles }, report) {
    const byKey = new Map<string, typeof articles>();
    for (const a of articles) if (a.data?.translation_key) byKey.set(a.data.translation_key, [...(byKey.get(a.data.translation_key) ?? []), a]);
    for (const group of byKey.values()) {
      const first = group[0];
      for (const article of group.slice(1)) {
        if (!first?.data || !article.data || article.data.level === first.data.level) continue;
        report(
          article,
          positionOfKey(article.parsed, ['level']),
          `Unexpected level ${article.data.level} for a translation of \`${first.id}\`, expected level ${first.data.level}`,
          'A translation describes the same fix, so the same level applies: align both articles.',
        );
      }
    }
  },
};
