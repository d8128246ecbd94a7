// Benchmark of `kb stale`: the real content folder (with git), and the 2,449 real articles of
// ../shared/corpus mapped onto our frontmatter in a temporary folder (read in place, never copied
// into the repository). Run through `npm run bench`, or alone: npx node scripts/bench/stale.ts
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import { parse, stringify } from 'yaml';
import { loadKbConfig } from '../../src/lib/config.ts';
import { parseDay } from '../../src/lib/dates.ts';
import { runStale } from '../../src/lib/stale/run.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CORPUS = resolve(ROOT, '../shared/corpus/officedocs-support');
const TODAY = parseDay('2026-11-24')!;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - start)];
}

/** Corpus articles as our articles: ms.date becomes `reviewed`, the top folder the product. */
async function corpusContent(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kb-stale-bench-'));
  const files = (await glob('*/**/*.md', { cwd: CORPUS, absolute: true })).sort();
  const products = new Set<string>();
  await mkdir(join(dir, 'articles', 'en'), { recursive: true });
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
    let meta: Record<string, unknown> = {};
    try {
      meta = (parse(match?.[1] ?? '') as Record<string, unknown>) ?? {};
    } catch {
      // a corpus file with broken YAML becomes an article without a review date
    }
    const path = relative(CORPUS, file);
    const product = path
      .split('/')[0]!
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-');
    products.add(product);
    const date = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(String(meta['ms.date'] ?? ''));
    const frontmatter = {
      title: String(meta['title'] ?? path),
      summary: String(meta['description'] ?? meta['title'] ?? path),
      level: 1,
      audience: 'public',
      product,
      owner: `@${product}`,
      lang: 'en',
      ...(date ? { reviewed: `${date[3]}-${date[1]}-${date[2]}` } : {}),
    };
    const slug = path
      .replace(/\.md$/, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-');
    await writeFile(join(dir, 'articles', 'en', `${slug}.mdx`), `---\n${stringify(frontmatter)}---\n${match?.[2] ?? text}`);
  }
  const taxonomy = { products: [...products].map((id) => ({ id, name: { en: id, de: id }, owners: [`@${id}`] })) };
  await writeFile(join(dir, 'taxonomy.yaml'), stringify(taxonomy));
  return dir;
}

export async function run(): Promise<Record<string, number | string>> {
  const config = await loadKbConfig(ROOT);
  const [content, contentMs] = await timed(() => runStale({ contentDir: config.contentDir, root: ROOT, today: TODAY, reviewEvery: config.reviewEvery }));
  const dir = await corpusContent();
  try {
    const [corpus, corpusMs] = await timed(() => runStale({ contentDir: dir, root: dir, today: TODAY, reviewEvery: 365, git: false }));
    const results = {
      'stale.content.articles': content.report.checked,
      'stale.content.stale': content.report.articles.length,
      'stale.content.ms': contentMs,
      'stale.corpus.articles': corpus.report.checked + corpus.report.skipped.length,
      'stale.corpus.stale': corpus.report.articles.length,
      'stale.corpus.skipped': corpus.report.skipped.length,
      'stale.corpus.ms': corpusMs,
    };
    for (const [key, value] of Object.entries(results)) console.log(`${key}\t${value}`);
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
