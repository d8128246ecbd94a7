import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateKnowledgeBase } from './generate-kb.ts';
import { directorySize, measureSearch } from './search-latency.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

interface BuildRun {
  seconds: number;
  peakMB: number;
}

/** Builds one site in a child process (fresh memory) and returns its time and peak memory. */
export function timedBuild(root: string, env: NodeJS.ProcessEnv): Promise<BuildRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/bench/run-build.ts'), root], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`build failed (${code}):\n${out.slice(-2000)}`));
      resolvePromise(JSON.parse(last) as BuildRun);
    });
  });
}

/** A bare Astro project over the same MDX files: no schema, no layout, no search. */
async function writePlainProject(dir: string, contentDir: string): Promise<void> {
  await mkdir(join(dir, 'src/pages'), { recursive: true });
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await writeFile(join(dir, 'package.json'), '{"type":"module"}');
  await writeFile(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ integrations: [mdx()], outDir: './dist' });\n`,
  );
  await writeFile(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { articles: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: ${JSON.stringify(join(contentDir, 'articles'))} }) }) };\n`,
  );
  await writeFile(join(dir, 'src/Bare.astro'), '<slot />\n');
  await writeFile(
    join(dir, 'src/pages/[...slug].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nimport Bare from '../Bare.astro';\nexport async function getStaticPaths() {\n  return (await getCollection('articles')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));\n}\nconst { Content } = await render(Astro.props.entry);\nconst components = { Steps: Bare, Callout: Bare, Internal: Bare, ErrorCode: Bare, Escalation: Bare };\n---\n<html lang="en"><head><title>{Astro.props.entry.data.title}</title></head><body><Content components={components} /></body></html>\n`,
  );
}

export async function run(count = Number(process.env['KB_BENCH_ARTICLES'] ?? 5000)): Promise<Record<string, number | string>> {
  const work = await mkdtemp(join(tmpdir(), 'kb-bench-site-'));
  let outDir = '';
  try {
    const contentDir = join(work, 'content');
    // output inside the project: Astro keeps its temporary files in the output folder then,
    // instead of a shared .astro/ folder that another build running at the same time overwrites
    await mkdir(join(ROOT, 'node_modules/.cache'), { recursive: true });
    outDir = await mkdtemp(join(ROOT, 'node_modules/.cache/kb-bench-site-'));
    const generated = await generateKnowledgeBase(contentDir, count);
    console.log(`site: generated ${generated.length} articles`);
    const env = { KB_CONTENT_DIR: contentDir, KB_OUT_DIR: outDir };

    const started = performance.now();
    const pub = await timedBuild(ROOT, { ...env, KB_AUDIENCE: 'public' });
    console.log(`site: public built in ${pub.seconds.toFixed(1)} s, peak ${pub.peakMB.toFixed(0)} MB`);
    const internal = await timedBuild(ROOT, { ...env, KB_AUDIENCE: 'internal' });
    console.log(`site: internal built in ${internal.seconds.toFixed(1)} s, peak ${internal.peakMB.toFixed(0)} MB`);
    const bothSeconds = (performance.now() - started) / 1000;

    const plainDir = join(work, 'plain');
    await writePlainProject(plainDir, contentDir);
    const plain = await timedBuild(plainDir, {});
    console.log(`site: plain astro build of the same MDX in ${plain.seconds.toFixed(1)} s`);

    const sample = generated.find((a) => a.audience === 'public' && a.lang === 'en');
    const search = await measureSearch(join(outDir, 'public'), ['outlook password prompt', sample?.errorCode ?? '0x80000001', 'mailbox migration', 'teams meeting audio', 'sharepoint permissions', 'certificate renewal', 'calendar sync']);
    return {
      articles: count,
      'build both sites (s)': round(bothSeconds),
      'build public (s)': round(pub.seconds),
      'build internal (s)': round(internal.seconds),
      'peak memory public (MB)': Math.round(pub.peakMB),
      'peak memory internal (MB)': Math.round(internal.peakMB),
      'index size public (MB)': round((await directorySize(join(outDir, 'public/pagefind'))) / 2 ** 20),
      'index size internal (MB)': round((await directorySize(join(outDir, 'internal/pagefind'))) / 2 ** 20),
      'plain astro build (s)': round(plain.seconds),
      'ratio public build / plain build': round(pub.seconds / plain.seconds),
      'ratio both sites / plain build': round(bothSeconds / plain.seconds),
      'search load on focus (ms)': round(search.initMs),
      'first query (ms)': round(search.firstMs),
      'median of 20 later queries (ms)': round(search.medianMs),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(outDir, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
