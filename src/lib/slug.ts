const TRANSLITERATE: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'ae', Ö: 'oe', Ü: 'ue', ẞ: 'ss' };

/**
 * The one slug rule, for article file names (`kb new`, `kb import`) and taxonomy ids (tags and
 * products made by `kb import`): German umlauts and ß transliterated (Störung -> stoerung),
 * other accents dropped (café -> cafe), then lowercase ASCII words joined by single hyphens,
 * at most 80 characters. Empty when the text has no letter or digit.
 */
export function slugify(text: string): string {
  return text
    .replace(/[äöüßÄÖÜẞ]/g, (c) => TRANSLITERATE[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}
