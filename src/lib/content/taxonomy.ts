import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readYamlFile, YamlFileError } from './bounded-yaml.ts';
import { taxonomySchema, type Product, type Tag, type Taxonomy } from '../schema/taxonomy.ts';
import type { Lang } from '../levels.ts';

export const TAXONOMY_FILE = 'taxonomy.yaml';

/** Reads and validates `<contentDir>/taxonomy.yaml`; throws with the file name on any problem. */
export function readTaxonomy(contentDir: string): Taxonomy {
  const file = join(contentDir, TAXONOMY_FILE);
  let raw: unknown;
  try {
    raw = readYamlFile(readFileSync(file, 'utf8'), file);
  } catch (error) {
    if (error instanceof YamlFileError) throw error;
    throw new Error(`Cannot read taxonomy ${file}: ${(error as Error).message}`, { cause: error });
  }
  const result = taxonomySchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid taxonomy ${file}:\n${issues}`);
  }
  return result.data;
}

export function productName(taxonomy: Taxonomy, id: string, lang: Lang): string {
  return findProduct(taxonomy, id)?.name[lang] ?? id;
}

export function tagName(taxonomy: Taxonomy, id: string, lang: Lang): string {
  return findTag(taxonomy, id)?.name[lang] ?? id;
}

export function findProduct(taxonomy: Taxonomy, id: string): Product | undefined {
  return taxonomy.products.find((p) => p.id === id);
}

export function findTag(taxonomy: Taxonomy, id: string): Tag | undefined {
  return taxonomy.tags.find((t) => t.id === id);
}

/** The queue that takes a product's escalations to a level, when the taxonomy names one. */
export function escalationQueue(taxonomy: Taxonomy, product: string, level: 2 | 3): string | undefined {
  return findProduct(taxonomy, product)?.queues?.[level];
}
