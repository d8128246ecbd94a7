import type { Taxonomy } from '../schema/taxonomy.ts';
import type { TargetData } from './frontmatter.ts';
import type { IssueSink } from './issues.ts';
import type { Mapping } from './mapping.ts';

function displayName(id: string): string {
  return id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/**
 * Checks products and tags against a taxonomy. When it may grow (a separate content folder),
 * unknown ids are added so the imported knowledge base builds on its own; otherwise unknown
 * products fall back to the mapping's default and unknown tags are dropped, both reported.
 */
export class TaxonomyBuilder {
  readonly #taxonomy: Taxonomy;
  readonly #grow: boolean;
  readonly #addedProducts = new Set<string>();
  readonly #addedTags = new Set<string>();

  constructor(base: Taxonomy, grow: boolean) {
    this.#taxonomy = structuredClone(base);
    this.#grow = grow;
  }

  #hasProduct(id: string): boolean {
    return this.#taxonomy.products.some((p) => p.id === id);
  }

  #hasTag(id: string): boolean {
    return this.#taxonomy.tags.some((t) => t.id === id);
  }

  /** Fixes `data.product` and `data.tags` in place so they exist in the taxonomy. */
  resolve(data: TargetData, mapping: Mapping, sink: IssueSink): void {
    const product = String(data['product'] ?? '');
    if (product && !this.#hasProduct(product)) {
      if (this.#grow) {
        const owner = String(data['owner'] ?? mapping.defaults['owner'] ?? 'kb-import');
        this.#taxonomy.products.push({ id: product, name: { en: displayName(product), de: displayName(product) }, owners: [owner], versions: [] });
        this.#addedProducts.add(product);
      } else {
        const fallback = String(mapping.defaults['product'] ?? '');
        sink.add(
          'taxonomy-product',
          `Unexpected product \`${product}\`, expected one of the taxonomy (used \`${fallback}\`)`,
          undefined,
          'warning',
          'Add the product to taxonomy.yaml or a value rule to the mapping file.',
        );
        data['product'] = fallback;
      }
    }
    // applies-to versions: listed under the product so `kb check` knows them; their end of support
    // comes from content/lifecycle/, not from here
    const versions = Array.isArray(data['versions']) ? (data['versions'] as string[]) : [];
    const entry = this.#taxonomy.products.find((p) => p.id === data['product']);
    if (this.#grow && entry) for (const name of versions) if (!entry.versions.some((v) => v.name === name)) entry.versions.push({ name });
    const tags = Array.isArray(data['tags']) ? (data['tags'] as string[]) : [];
    const kept: string[] = [];
    for (const tag of tags) {
      if (this.#hasTag(tag)) kept.push(tag);
      else if (this.#grow) {
        this.#taxonomy.tags.push({ id: tag, name: { en: displayName(tag), de: displayName(tag) } });
        this.#addedTags.add(tag);
        kept.push(tag);
      } else
        sink.add(
          'taxonomy-tag',
          `Unexpected tag \`${tag}\`, expected one of the taxonomy (removed)`,
          undefined,
          'warning',
          'Add the tag to taxonomy.yaml or map it with a value rule.',
        );
    }
    data['tags'] = kept;
  }

  newProducts(): string[] {
    return [...this.#addedProducts].sort();
  }

  newTags(): string[] {
    return [...this.#addedTags].sort();
  }

  toJSON(): Taxonomy {
    return this.#taxonomy;
  }
}
