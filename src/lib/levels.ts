/**
 * Support levels. An article's level is the lowest level that can apply its resolution:
 * 1 = first contact (service desk), 2 = deeper technical analysis, 3 = specialists / development.
 * Colours follow the common convention: 1 yellow, 2 blue, 3 red.
 */
export const LEVELS = [1, 2, 3] as const;
export type Level = (typeof LEVELS)[number];

export const AUDIENCES = ['public', 'internal'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const STATES = ['draft', 'validated', 'archived'] as const;
export type State = (typeof STATES)[number];

export const LANGS = ['en', 'de'] as const;
export type Lang = (typeof LANGS)[number];

export function isLevel(value: unknown): value is Level {
  return value === 1 || value === 2 || value === 3;
}

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'de';
}

/** The colour name used in CSS classes (`level-1` ...) and legends. */
export const LEVEL_COLOUR: Record<Level, 'yellow' | 'blue' | 'red'> = {
  1: 'yellow',
  2: 'blue',
  3: 'red',
};
