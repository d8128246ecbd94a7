import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Audience } from './levels.ts';
import { DEFAULT_URL_SCHEMES } from './url-policy.ts';

/** Options of the `kb()` integration in astro.config.mjs; the `kb` scripts read the same object. */
export interface KbOptions {
  /** Repository web address, for "edit this article" links (`https://github.com/org/kb`). */
  repository?: string;
  /** Branch that edit links point at. */
  branch?: string;
  /** Default days between reviews when an article sets no `review_every`. */
  reviewEvery?: number;
  /**
   * URL schemes that article links and images may use, besides relative URLs. Default
   * `['http', 'https', 'mailto', 'tel']`; add e.g. `'ms-settings'` to allow Windows settings links.
   */
  urlSchemes?: string[];
}

export interface KbConfig {
  repository: string;
  branch: string;
  reviewEvery: number;
  contentDir: string;
  urlSchemes: string[];
}

export const DEFAULTS: KbConfig = {
  repository: 'https://github.com/example/tiered-kb',
  branch: 'main',
  reviewEvery: 365,
  contentDir: 'content',
  urlSchemes: [...DEFAULT_URL_SCHEMES],
};

/**
 * Environment overrides exist so that one project can build both sites and so tests and
 * benchmarks can point the same code at a fixture knowledge base.
 */
export function resolveKbConfig(options: KbOptions = {}, env: NodeJS.ProcessEnv = process.env): KbConfig {
  return {
    repository: (options.repository ?? DEFAULTS.repository).replace(/\/$/, ''),
    branch: options.branch ?? DEFAULTS.branch,
    reviewEvery: options.reviewEvery ?? DEFAULTS.reviewEvery,
    urlSchemes: (options.urlSchemes ?? DEFAULTS.urlSchemes).map((s) => s.toLowerCase().replace(/:$/, '')),
    // The content folder is chosen by environment only: Astro's content config cannot see
    // integration options, and tests and benchmarks point the same code at other folders.
    contentDir: env['KB_CONTENT_DIR'] ?? DEFAULTS.contentDir,
  };
}

/** Which site a build makes: `public` (customers) unless `KB_AUDIENCE=internal`. */
export function buildAudience(env: NodeJS.ProcessEnv = process.env): Audience {
  const value = env['KB_AUDIENCE'] ?? 'public';
  if (value !== 'public' && value !== 'internal') {
    throw new Error(`KB_AUDIENCE must be "public" or "internal", got "${value}"`);
  }
  return value;
}

interface IntegrationWithConfig {
  name: string;
  kbOptions?: KbOptions;
}

/** Reads the `kb()` options from a project's astro.config.mjs, so scripts and site agree. */
export async function loadKbConfig(root: string = process.cwd()): Promise<KbConfig & { root: string }> {
  const file = resolve(root, 'astro.config.mjs');
  let options: KbOptions = {};
  try {
    const mod = (await import(pathToFileURL(file).href)) as { default?: { integrations?: unknown[] } };
    const integrations = (mod.default?.integrations ?? []).flat() as IntegrationWithConfig[];
    options = integrations.find((i) => i?.name === 'tiered-kb')?.kbOptions ?? {};
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
  }
  const config = resolveKbConfig(options);
  return { ...config, root, contentDir: resolve(root, config.contentDir) };
}
