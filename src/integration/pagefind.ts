import { join } from 'node:path';
import * as pagefind from 'pagefind';

/** Builds the Pagefind index of one built site into `<dir>/pagefind`. */
export async function indexSite(dir: string): Promise<{ pages: number; languages: number }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length) throw new Error(`Pagefind could not index ${dir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    const files = await index.getFiles();
    const languages = files.files.filter((f) => f.path.endsWith('.pf_meta')).length;
    return { pages: added.page_count, languages };
  } finally {
    await pagefind.close();
  }
}
