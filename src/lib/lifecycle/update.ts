import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, isMap, isSeq, parse } from 'yaml';
import { isoDay } from '../dates.ts';
import { ENDOFLIFE_SOURCE, productFromSource } from './endoflife-source.ts';
import { readLocal, SNAPSHOT_FILE } from './read.ts';
import { snapshotSchema, type End, type LifecycleProduct, type Snapshot } from './schema.ts';

export interface UpdateOptions {
  /** A checkout of endoflife.date (folder with `products/`), a `.tar.gz` of one, or an http(s) URL of such an archive. */
  source: string;
  /** The lifecycle folder (`content/lifecycle`): its local.yaml says which products to keep; the snapshot is written there. */
  dir: string;
  /** Product ids to keep in addition to local.yaml's `import` list. */
  products?: string[] | undefined;
  today: Date;
  /** For tests: how to download an URL. */
  download?: (url: string) => Promise<Uint8Array>;
}

export interface UpdateResult {
  file: string;
  products: string[];
  /** Ids asked for but not found at the source (renamed or removed there). */
  missing: string[];
  /** Cycles whose end changed against the previous snapshot: `office 2016: 2025-10-14 -> 2026-10-13`. */
  changes: string[];
  commit?: string | undefined;
}

/**
 * `kb lifecycle update`: reads the products listed in local.yaml (`import`) from endoflife.date and
 * writes the dated snapshot. Nothing outside the source's `products/` folder is read; the prose of
 * the product pages is not copied, only names, identifiers, cycles and dates.
 */
export async function updateLifecycle(options: UpdateOptions): Promise<UpdateResult> {
  const local = readLocal(options.dir);
  const wanted = [...new Set([...local.import, ...(options.products ?? [])])].sort();
  if (!wanted.length) throw new Error(`Nothing to update: ${join(options.dir, 'local.yaml')} has no \`import\` list and no --product was given`);
  const { root, cleanup } = await openSource(options);
  try {
    const productsDir = join(root, 'products');
    const products: Record<string, LifecycleProduct> = {};
    const missing: string[] = [];
    for (const id of wanted) {
      const file = join(productsDir, `${id}.md`);
      if (!existsSync(file)) {
        missing.push(id);
        continue;
      }
      products[id] = productFromSource(readFileSync(file, 'utf8'), `products/${id}.md`);
    }
    const commit = gitHead(root);
    const snapshot: Snapshot = {
      source: { ...ENDOFLIFE_SOURCE, ...(commit && { commit: commit.hash, date: commit.date }) },
      updated: options.today,
      products,
    };
    const file = join(options.dir, SNAPSHOT_FILE);
    const changes = existsSync(file) ? diffEnds(readFileSync(file, 'utf8'), products) : [];
    writeFileSync(file, serializeSnapshot(snapshot));
    return { file, products: Object.keys(products), missing, changes, commit: commit?.hash };
  } finally {
    cleanup();
  }
}

async function openSource(options: UpdateOptions): Promise<{ root: string; cleanup: () => void }> {
  const { source } = options;
  if (!/^https?:\/\//.test(source) && existsSync(source) && statSync(source).isDirectory()) {
    if (!existsSync(join(source, 'products')))
      throw new Error(`Unexpected source ${source}: it has no products/ folder, expected a checkout of ${ENDOFLIFE_SOURCE.url}`);
    return { root: source, cleanup: () => {} };
  }
  const work = mkdtempSync(join(tmpdir(), 'kb-lifecycle-'));
  const cleanup = () => rmSync(work, { recursive: true, force: true });
  try {
    let archive = source;
    if (/^https?:\/\//.test(source)) {
      const download = options.download ?? defaultDownload;
      archive = join(work, 'source.tar.gz');
      writeFileSync(archive, await download(source));
    } else if (!existsSync(source)) {
      throw new Error(`Cannot read source ${source}: no such folder or file`);
    }
    const out = join(work, 'x');
    execFileSync('mkdir', ['-p', out]);
    try {
      // only the product pages are extracted; wildcards keep the archive's top folder name open
      execFileSync('tar', ['-xzf', archive, '-C', out, '--wildcards', '*/products/*.md'], { stdio: 'pipe' });
    } catch (error) {
      throw new Error(
        `Cannot extract ${source}: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()} (expected a .tar.gz of ${ENDOFLIFE_SOURCE.url})`,
        { cause: error },
      );
    }
    const top = readdirSync(out).find((d) => existsSync(join(out, d, 'products')));
    if (!top) throw new Error(`Unexpected archive ${source}: no <folder>/products/ in it`);
    return { root: join(out, top), cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}

async function defaultDownload(url: string): Promise<Uint8Array> {
  const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
  if (!response.ok) throw new Error(`Cannot download ${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function gitHead(root: string): { hash: string; date: Date } | undefined {
  try {
    const out = execFileSync('git', ['-C', root, 'log', '-1', '--format=%H %cs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const [hash, day] = out.split(' ');
    if (!hash || !day || !existsSync(join(root, '.git'))) return undefined;
    return { hash, date: new Date(`${day}T00:00:00Z`) };
  } catch {
    return undefined;
  }
}

const HEADER = `# Product lifecycle data: a dated snapshot of endoflife.date (https://endoflife.date),
# MIT licence, (c) endoflife.date contributors; see README.md in this folder.
# Written by \`kb lifecycle update\`: do not edit. Names, version aliases, corrections and
# in-house products go into local.yaml, which wins over this file.
`;

/** The snapshot as YAML: days as YYYY-MM-DD, one line per cycle so a refresh diffs line by line. */
export function serializeSnapshot(snapshot: Snapshot): string {
  const doc = new Document(
    JSON.parse(
      JSON.stringify(snapshot, (_key, value: unknown) =>
        typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/.test(value) ? value.slice(0, 10) : value,
      ),
    ),
  );
  const products = doc.get('products', true);
  if (isMap(products)) {
    for (const pair of products.items) {
      if (!isMap(pair.value)) continue;
      for (const field of pair.value.items) {
        const key = String((field.key as { value?: unknown }).value);
        if (!isSeq(field.value)) continue;
        if (key === 'cycles') for (const item of field.value.items) (item as { flow?: boolean }).flow = true;
        else field.value.flow = true;
      }
    }
  }
  return HEADER + doc.toString({ lineWidth: 0 });
}

function diffEnds(previous: string, next: Record<string, LifecycleProduct>): string[] {
  const old = snapshotSchema.safeParse(parse(previous) ?? {});
  if (!old.success) return [];
  const show = (eol: End | undefined) => (eol === undefined ? 'new' : typeof eol === 'boolean' ? String(eol) : isoDay(eol));
  const changes: string[] = [];
  for (const [id, product] of Object.entries(next)) {
    const before = new Map(old.data.products[id]?.cycles.map((c) => [c.cycle, c.eol]));
    for (const cycle of product.cycles) {
      const was = show(before.get(cycle.cycle));
      const now = show(cycle.eol);
      if (was !== now) changes.push(`${id} ${cycle.cycle}: ${was} -> ${now}`);
    }
  }
  return changes;
}
