import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A minimal Starlight site over the same MDX files, the yardstick of `npm run bench -- site`:
 * Starlight's defaults (its Sätteri Markdown pipeline, Pagefind search, one page per file) with a
 * one-link sidebar, so it is not slowed down by a sidebar listing thousands of pages. Our MDX
 * components (<Steps>, <Callout>, ...) are imported into every file as a bare wrapper by a Vite
 * transform, as a Starlight site would import its own components. Uses @astrojs/starlight, a
 * dev dependency for this benchmark only.
 */
export async function writeStarlightProject(dir: string, contentDir: string): Promise<void> {
  // `dir` must be inside the project: packages then resolve from the project's node_modules as
  // in a monorepo (a symlinked node_modules makes Astro lose track of Starlight's components)
  await mkdir(join(dir, 'src'), { recursive: true });
  // the dependencies tell Astro to bundle Starlight's components (not load them from node_modules)
  const dependencies = { '@astrojs/starlight': '*', astro: '*' };
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ type: 'module', dependencies })}\n`);
  await writeFile(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

const components = ['Steps', 'Callout', 'Internal', 'ErrorCode', 'Escalation'];
const bare = new URL('./src/bare.ts', import.meta.url).pathname;

/** Imports the knowledge base's MDX components (as bare wrappers) into every article. */
const importComponents = {
  name: 'bench-import-components',
  enforce: 'pre',
  transform: {
    filter: { id: /\\.mdx$/ },
    handler(code) {
      const line = \`import { \${components.join(', ')} } from \${JSON.stringify(bare)};\\n\\n\`;
      const end = code.startsWith('---') ? code.indexOf('\\n---', 3) : -1;
      if (end === -1) return line + code;
      const after = code.indexOf('\\n', end + 4) + 1;
      return code.slice(0, after) + '\\n' + line + code.slice(after);
    },
  },
};

export default defineConfig({
  outDir: './dist',
  cacheDir: './.astro-cache',
  vite: { plugins: [importComponents] },
  integrations: [starlight({ title: 'Knowledge base', sidebar: [{ label: 'Home', link: '/' }] })],
});
`,
  );
  await writeFile(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({
    loader: glob({ pattern: '**/*.mdx', base: ${JSON.stringify(join(contentDir, 'articles'))} }),
    schema: docsSchema(),
  }),
};
`,
  );
  await writeFile(join(dir, 'src/Bare.astro'), '<div><slot /></div>\n');
  await writeFile(
    join(dir, 'src/bare.ts'),
    `import Bare from './Bare.astro';\nexport { Bare as Steps, Bare as Callout, Bare as Internal, Bare as ErrorCode, Bare as Escalation };\n`,
  );
}
