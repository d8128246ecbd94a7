import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, LineCounter, type Node } from 'yaml';
import { boundedToJs, parseBoundedDocument } from '../content/bounded-yaml.ts';
import { z } from 'astro/zod';
import type { Lang } from '../levels.ts';

export const SYNONYMS_FILE = 'synonyms.yaml';

/** One search word: letters and digits, as a visitor would type it (`kennwort`, `iphone`, `wlan`). */
const wordSchema = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}]+$/u, 'expected one word of letters and digits (no spaces or hyphens: Pagefind splits those itself)')
  .transform((w) => w.toLowerCase());

/** Words that mean the same: a page that uses one of them is found by every other. */
const groupSchema = z.array(wordSchema).min(2, 'expected a group of at least two words');

/**
 * content/synonyms.yaml: synonym groups per language, maintained by authors. Applied when the
 * sites are built (the sites are static): a page gets the other words of every group it uses.
 */
export const synonymsSchema = z
  .object({
    /** German groups: `[passwort, kennwort]`, `[handy, smartphone, mobiltelefon]`. */
    de: z.array(groupSchema).default([]),
    /** English groups: `[password, passcode]`. */
    en: z.array(groupSchema).default([]),
  })
  .strict()
  .superRefine((data, ctx) => {
    for (const lang of ['de', 'en'] as const) {
      const seen = new Map<string, number>();
      data[lang].forEach((group, g) => {
        group.forEach((word, w) => {
          const first = seen.get(word);
          if (first !== undefined) {
            ctx.addIssue({
              code: 'custom',
              path: [lang, g, w],
              message: `Unexpected \`${word}\` again, expected each word in one group only (it is in group ${first + 1} already)`,
            });
          } else seen.set(word, g);
        });
      });
    }
  });

export type Synonyms = z.infer<typeof synonymsSchema>;

/** A problem in the synonyms file, with its place. */
export interface SynonymsProblem {
  line: number;
  column: number;
  message: string;
}

/**
 * Parses synonyms.yaml text. Problems (YAML syntax, schema) come with the line and column of
 * the value they are about, so `kb check` can point at them.
 */
export function parseSynonyms(text: string): { synonyms: Synonyms; problems: SynonymsProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseBoundedDocument(text, { lineCounter });
  // aliases that expand too far become a located YAML error, like any other
  const raw = doc.errors.length ? undefined : boundedToJs(doc);
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const empty: Synonyms = { de: [], en: [] };
  if (doc.errors.length) {
    return { synonyms: empty, problems: doc.errors.map((e) => ({ ...at(e.pos[0]), message: `Unexpected YAML: ${e.message.split('\n')[0]}` })) };
  }
  const result = synonymsSchema.safeParse(raw ?? {});
  if (result.success) return { synonyms: result.data, problems: [] };
  const problems = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const key = isMap(doc.contents)
        ? doc.contents.items.find((p) => issue.keys.includes(String((p.key as { value?: unknown } | null)?.value)))?.key
        : undefined;
      return {
        ...at((key as Node | undefined)?.range?.[0] ?? 0),
        message: `Unexpected key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}, expected de and en`,
      };
    }
    const node = nodeAt(doc.contents as Node | null, issue.path);
    const place = issue.path
      .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
      .join('')
      .replace(/^(\w+)/, '$1');
    const value = valueAt(raw, issue.path);
    const message = issue.message.startsWith('Unexpected')
      ? `${place}: ${issue.message}`
      : `Unexpected ${value === undefined ? 'value' : `\`${JSON.stringify(value)}\``} at ${place || 'the top'}, ${issue.message}`;
    return { ...at(node?.range?.[0] ?? 0), message };
  });
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { synonyms: empty, problems };
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let node = raw;
  for (const key of path) node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  return node;
}

/** The YAML node at a schema path (the deepest one that exists). */
function nodeAt(node: Node | null, path: readonly PropertyKey[]): Node | null {
  let current = node;
  for (const key of path) {
    if (isMap(current)) {
      const pair = current.items.find((p) => String((p.key as { value?: unknown } | null)?.value) === String(key));
      if (!pair) return current;
      current = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(current) && typeof key === 'number') {
      const item = current.items[key] as Node | undefined;
      if (!item) return current;
      current = item;
    } else return current;
  }
  return current;
}

/** Reads `<contentDir>/synonyms.yaml` (none: no synonyms); throws with file:line:col on a problem. */
export function readSynonyms(contentDir: string): Synonyms {
  const file = join(contentDir, SYNONYMS_FILE);
  if (!existsSync(file)) return { de: [], en: [] };
  const { synonyms, problems } = parseSynonyms(readFileSync(file, 'utf8'));
  if (problems.length) throw new Error(`Invalid synonyms ${file}:\n${problems.map((p) => `  ${file}:${p.line}:${p.column}: ${p.message}`).join('\n')}`);
  return synonyms;
}

/** Umlauts folded, so "Kennwörter" meets "kennwort" and a group may be written either way. */
function fold(word: string): string {
  return word.replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/ß/g, 'ss');
}

/** Inflection endings a word of a group may carry in the text (Kennwort-es, Smartphone-s, Handy-s). */
const ENDINGS = ['', 'e', 'en', 'er', 'ern', 'es', 'n', 'ns', 's'];

/** Looks up the synonyms of words of one language. */
export class SynonymIndex {
  private readonly groups = new Map<string, readonly string[]>();
  private readonly cache = new Map<string, readonly string[]>();

  constructor(groups: readonly (readonly string[])[]) {
    for (const group of groups) for (const word of group) this.groups.set(fold(word), group);
  }

  /** The other words of the group a (lower-case) word or its inflected form belongs to; none if no group. */
  of(word: string): readonly string[] {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const folded = fold(word);
    let others: readonly string[] = [];
    for (const ending of ENDINGS) {
      if (!folded.endsWith(ending) || folded.length - ending.length < 2) continue;
      const base = folded.slice(0, folded.length - ending.length);
      const group = this.groups.get(base);
      if (!group) continue;
      others = group.filter((w) => fold(w) !== base);
      break;
    }
    this.cache.set(word, others);
    return others;
  }
}

export function synonymIndex(synonyms: Synonyms, lang: Lang): SynonymIndex {
  return new SynonymIndex(synonyms[lang]);
}
