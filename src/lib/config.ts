import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dayOfRun, isoDay } from './dates.ts';
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
  /**
   * Demand events: the `kb collect` endpoint the sites send "Did this solve your problem?",
   * searches without results and contact requests to (`https://kb.example.com/events`).
   * Without it the sites send nothing.
   */
  feedback?: { endpoint?: string };
  /** How a customer reaches support when an article does not help (public site). */
  contact?: ContactOptions;
  /** Which site shows "Edit this article" links: the agent site only (default), both, or none. */
  editLinks?: 'internal' | 'both' | 'none';
  /**
   * How agents reach an article's owner: a URL with `{owner}` (handle without @) and `{article}`,
   * e.g. `https://github.com/orgs/example/teams/{owner}` or `mailto:{owner}@example.com`.
   * Default: a new issue in the repository that mentions the owner.
   */
  ownerContact?: string;
}

/** Where "Contact support" leads. Give `email` or `url`; `phone` and `name` say whom to call. */
export interface ContactOptions {
  /** Opens the customer's mail program with a prefilled message: `support@example.com`. */
  email?: string;
  /**
   * A ticket portal's "new request" address with placeholders, filled URL-encoded:
   * `{subject}`, `{body}`, `{article}` (id), `{url}` (article address), `{query}` (search text).
   */
  url?: string;
  /** Shown in the box: whom to call, e.g. `+49 30 1234 5678`. */
  phone?: string;
  /** The team's name, e.g. `IT service desk`, or one per language. */
  name?: string | { en: string; de: string };
  /** Opening hours or other note, one per language or one for both. */
  hours?: string | { en: string; de: string };
}

/** What the site's pages and scripts need from the configuration (kept small: it is inlined into the build). */
export interface SiteOptions {
  feedbackEndpoint: string | undefined;
  contact: ContactOptions;
  editLinks: 'internal' | 'both' | 'none';
  ownerContact: string | undefined;
}

/** Checks and normalises the site options; a bad value fails the build with the option's name. */
export function resolveSiteOptions(options: KbOptions = {}, env: NodeJS.ProcessEnv = process.env): SiteOptions {
  // KB_COLLECT_ENDPOINT: set the endpoint per deployment (and for the tests' fixture site)
  const endpoint = options.feedback?.endpoint ?? (env['KB_COLLECT_ENDPOINT'] || undefined);
  if (endpoint !== undefined && !/^(https?:\/\/[^\s/]+)?\/[^\s]*$/.test(endpoint)) {
    throw new Error(`kb(): feedback.endpoint "${endpoint}" is not an http(s) URL or a path such as /events`);
  }
  const contact = options.contact ?? {};
  if (contact.url !== undefined && !/^https?:\/\//.test(contact.url)) throw new Error(`kb(): contact.url "${contact.url}" must start with https:// or http://`);
  if (contact.email !== undefined && !/^[^\s@<>"]+@[^\s@<>"]+$/.test(contact.email))
    throw new Error(`kb(): contact.email "${contact.email}" is not an e-mail address`);
  const editLinks = options.editLinks ?? 'internal';
  if (!['internal', 'both', 'none'].includes(editLinks)) throw new Error(`kb(): editLinks "${editLinks}" must be internal, both or none`);
  return { feedbackEndpoint: endpoint, contact, editLinks, ownerContact: options.ownerContact };
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

/**
 * Everything a site build needs to know of the settings, read once by the kb integration from
 * its options and the environment and handed to the pages as one object (`settings` in
 * src/site/context.ts): no page reads the environment or astro.config.mjs itself.
 */
export interface SiteSettings extends KbConfig {
  audience: Audience;
  /** Absolute content folder. */
  contentDir: string;
  /** Project root: report paths are relative to it. */
  root: string;
  /** Astro's root for this build when it is not the project root (`npm run build` gives each site its own): article file paths are relative to it. */
  astroRoot?: string;
  /** The day the health page is computed for (`KB_TODAY`, default the build day), YYYY-MM-DD. */
  today: string;
  /** Ticket exports for the health page's gaps section (`KB_TICKETS`, comma-separated). */
  tickets: string[];
  /** Demand events for the health page's demand section (`KB_EVENTS`, comma-separated). */
  events: string[];
  /** Feedback endpoint, contact channel and edit links (checked by resolveSiteOptions). */
  site: SiteOptions;
}

export function siteSettings(options: KbOptions = {}, env: NodeJS.ProcessEnv = process.env, root: string = process.cwd()): SiteSettings {
  const config = resolveKbConfig(options, env);
  return {
    ...config,
    audience: buildAudience(env),
    contentDir: resolve(root, config.contentDir),
    root,
    today: isoDay(dayOfRun(env['KB_TODAY'], 'KB_TODAY')),
    tickets: (env['KB_TICKETS'] ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean),
    events: (env['KB_EVENTS'] ?? '')
      .split(',')
      .map((f) => f.trim())
      .filter(Boolean),
    site: resolveSiteOptions(options, env),
  };
}

interface IntegrationWithConfig {
  name: string;
  kbOptions?: KbOptions;
}

/** The `kb()` options among an Astro config's integrations (empty when kb() is not used). */
export function kbOptionsOf(integrations: readonly unknown[]): KbOptions {
  return (integrations.flat() as IntegrationWithConfig[]).find((i) => i?.name === 'tiered-kb')?.kbOptions ?? {};
}

/** Reads the `kb()` options from a project's astro.config.mjs, so scripts and site agree. */
export async function loadKbConfig(root: string = process.cwd()): Promise<KbConfig & { root: string }> {
  const file = resolve(root, 'astro.config.mjs');
  let options: KbOptions = {};
  try {
    const mod = (await import(pathToFileURL(file).href)) as { default?: { integrations?: unknown[] } };
    options = kbOptionsOf(mod.default?.integrations ?? []);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
  }
  const config = resolveKbConfig(options);
  return { ...config, root, contentDir: resolve(root, config.contentDir) };
}
