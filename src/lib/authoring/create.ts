import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { articleFile } from '../content/read-articles.ts';
import type { Lang, Level } from '../levels.ts';
import type { Taxonomy } from '../schema/taxonomy.ts';
import { slugify } from '../slug.ts';
import { inertMdx } from './inert-mdx.ts';
import { renderArticle } from './template.ts';
import type { TicketDraft } from './ticket-source.ts';

export interface Answers {
  title: string;
  level: Level;
  audience: 'public' | 'internal';
  product: string;
  lang: Lang;
}

export interface CreateOptions extends Answers {
  contentDir: string;
  root: string;
  taxonomy: Taxonomy;
  today: string;
  owner?: string | undefined;
  slug?: string | undefined;
  tags?: string[] | undefined;
  translationKey?: string | undefined;
  errorCodes?: string[] | undefined;
  ticket?: TicketDraft | undefined;
  dryRun?: boolean | undefined;
}

export class ArticleExistsError extends Error {}

/** Writes a new draft article from the KCS template; returns its path and content. */
export async function createArticle(options: CreateOptions): Promise<{ path: string; file: string; content: string }> {
  const product = options.taxonomy.products.find((p) => p.id === options.product);
  if (!product) throw new Error(`Unknown product "${options.product}", expected one of ${options.taxonomy.products.map((p) => p.id).join(', ')}`);
  const slug = options.slug ?? slugify(options.title);
  if (!slug) throw new Error('The title gives no file name: use letters or digits, or pass --slug');
  // a given slug is the file name as is: one kb check rejects, or `../`, must not be written
  if (slug !== slugify(slug))
    throw new Error(`Unexpected --slug "${slug}", expected lowercase letters, digits and hyphens, e.g. "${slugify(slug) || 'printer-offline'}"`);
  const file = articleFile(options.contentDir, options.lang, slug);
  const path = relative(options.root, file);
  if (existsSync(file)) throw new ArticleExistsError(`${path} already exists: choose another title or --slug`);
  // ticket text is untrusted: shown, never run (see inert-mdx.ts); it was redacted when read
  const symptom = options.ticket ? inertMdx([options.ticket.title, options.ticket.text].filter(Boolean).join('\n\n')) : '';
  const environment = options.ticket ? inertMdx(options.ticket.environment) : '';
  const content = renderArticle({
    title: options.title,
    level: options.level,
    audience: options.audience,
    product: options.product,
    lang: options.lang,
    tags: options.tags ?? [],
    owner: options.owner ?? product.owners[0] ?? 'unknown',
    today: options.today,
    tickets: options.ticket ? [options.ticket.id] : [],
    translationKey: options.translationKey,
    errorCodes: options.errorCodes,
    ...(symptom ? { symptom } : {}),
    ...(environment ? { environment } : {}),
  });
  if (!options.dryRun) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content, { flag: 'wx' });
  }
  return { path, file, content };
}
