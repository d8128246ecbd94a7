import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter } from 'yaml';
import { boundedToJs, parseBoundedDocument } from '../content/bounded-yaml.ts';
import type { z } from 'astro/zod';
import { localSchema, snapshotSchema, type Cycle, type LifecycleProduct, type LocalLifecycle, type Snapshot } from './schema.ts';

/** Folder of the lifecycle data, below the content folder. */
export const LIFECYCLE_DIR = 'lifecycle';
/** The dated snapshot `kb lifecycle update` writes. */
export const SNAPSHOT_FILE = 'endoflife-date.yaml';
/** Names, version aliases, in-house products and local corrections; written by people, wins over the snapshot. */
export const LOCAL_FILE = 'local.yaml';

/** Lifecycle data ready for lookups: the snapshot with the local file applied. */
export interface Lifecycle {
  /** Product id -> product (snapshot and local merged). */
  products: ReadonlyMap<string, LifecycleProduct>;
  /** The snapshot's source and day, when there is a snapshot. */
  snapshot?: Pick<Snapshot, 'source' | 'updated'> | undefined;
  /** Files read, for messages. */
  files: string[];
}

/** No lifecycle data: every lookup answers "unknown". */
export const EMPTY_LIFECYCLE: Lifecycle = { products: new Map(), files: [] };

/**
 * Reads `<contentDir>/lifecycle/` (snapshot and local file; either may be missing). Throws with
 * file:line:col when a file is not valid.
 */
export function readLifecycle(dir: string): Lifecycle {
  const snapshotFile = join(dir, SNAPSHOT_FILE);
  const localFile = join(dir, LOCAL_FILE);
  const snapshot = existsSync(snapshotFile) ? readYaml(snapshotFile, snapshotSchema) : undefined;
  const local = existsSync(localFile) ? readYaml(localFile, localSchema) : undefined;
  return {
    products: mergeProducts(snapshot?.products ?? {}, local),
    snapshot: snapshot && { source: snapshot.source, updated: snapshot.updated },
    files: [snapshot && snapshotFile, local && localFile].filter((f): f is string => Boolean(f)),
  };
}

/** Reads just the local file (for `kb lifecycle update`, which needs its `import` list). */
export function readLocal(dir: string): LocalLifecycle {
  const file = join(dir, LOCAL_FILE);
  return existsSync(file) ? readYaml(file, localSchema) : localSchema.parse({});
}

/** Snapshot products with the local file on top: local fields win, cycles are merged by id. */
export function mergeProducts(base: Record<string, LifecycleProduct>, local: LocalLifecycle | undefined): Map<string, LifecycleProduct> {
  const products = new Map(Object.entries(base));
  for (const [id, patch] of Object.entries(local?.products ?? {})) {
    const from = products.get(id);
    const cycles = mergeCycles(from?.cycles ?? [], patch.cycles ?? []);
    products.set(id, {
      ...from,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      aliases: [...(from?.aliases ?? []), ...(patch.aliases ?? [])],
      identifiers: [...(from?.identifiers ?? []), ...(patch.identifiers ?? [])],
      names: [...(from?.names ?? []), ...(patch.names ?? [])],
      versions: { ...from?.versions, ...patch.versions },
      cycles,
    });
  }
  return products;
}

function mergeCycles(base: Cycle[], patch: Cycle[]): Cycle[] {
  const byId = new Map(base.map((c) => [c.cycle, c]));
  for (const cycle of patch) byId.set(cycle.cycle, { ...byId.get(cycle.cycle), ...cycle });
  return [...byId.values()];
}

function readYaml<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  const lineCounter = new LineCounter();
  const doc = parseBoundedDocument(readFileSync(file, 'utf8'), { lineCounter, prettyErrors: false });
  // aliases that expand too far become a located YAML error, like any other
  const value = doc.errors.length ? undefined : boundedToJs(doc);
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new Error(`${file}:${line}:${col}: Unexpected YAML: ${error.message.split('\n')[0]}`);
  }
  const result = schema.safeParse(value ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const node = doc.getIn(issue.path as (string | number)[], true) as { range?: [number, number, number] } | undefined;
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
    const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more)` : '';
    throw new Error(`${file}:${line}:${col}: ${issue.path.join('.')}: ${issue.message}${more}`);
  }
  return result.data;
}
