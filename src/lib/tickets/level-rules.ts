import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { isLevel, type Level } from '../levels.ts';

/** Maps a queue, group or level cell to the support level it stands for. First match wins. */
export interface LevelRule {
  pattern: RegExp;
  level: Level;
}

/**
 * Defaults that fit most team names: `2nd-Level::Netzwerk` is 2, `Service Desk` is 1,
 * `L3 Development` is 3. Higher levels are tested first, so `1st to 2nd level` counts as 2.
 */
export const DEFAULT_LEVEL_RULES: readonly LevelRule[] = [
  { pattern: /(?:^|[^a-z0-9])(?:3rd|l3|third|tier ?3|3\.? ?level|dev|development|entwicklung)(?:$|[^a-z0-9])/i, level: 3 },
  { pattern: /(?:^|[^a-z0-9])(?:2nd|l2|second|tier ?2|2\.? ?level)(?:$|[^a-z0-9])/i, level: 2 },
  { pattern: /(?:^|[^a-z0-9])(?:1st|l1|first|tier ?1|1\.? ?level|service ?desk|help ?desk)(?:$|[^a-z0-9])/i, level: 1 },
];

/** A level from a cell: a bare 1, 2 or 3, else the first matching rule. */
export function levelOf(value: string | undefined, rules: readonly LevelRule[] = DEFAULT_LEVEL_RULES): Level | undefined {
  if (!value) return undefined;
  const text = value.trim();
  const direct = Number(text);
  if (isLevel(direct)) return direct;
  for (const rule of rules) if (rule.pattern.test(text)) return rule.level;
  return undefined;
}

/** Parses `pattern=level` (a command-line option); the pattern is a case-insensitive regular expression. */
export function parseLevelRule(option: string): LevelRule {
  const at = option.lastIndexOf('=');
  const level = Number(option.slice(at + 1));
  if (at < 1 || !isLevel(level)) {
    throw new Error(`Unexpected level pattern "${option}", expected PATTERN=LEVEL such as "^Netzwerk=2"`);
  }
  return { pattern: new RegExp(option.slice(0, at), 'i'), level };
}

/**
 * Reads a levels file (YAML or JSON): a mapping from pattern to level, e.g.
 * `{ "2nd-Level::": 2, "^Servicedesk": 1 }`. Its rules come before the defaults.
 */
export async function readLevelRules(file: string): Promise<LevelRule[]> {
  const data = parseYaml(await readFile(file, 'utf8')) as unknown;
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(`Unexpected content in ${file}, expected a mapping of pattern to level (1, 2 or 3)`);
  }
  return Object.entries(data as Record<string, unknown>).map(([pattern, level]) => parseLevelRule(`${pattern}=${String(level)}`));
}
