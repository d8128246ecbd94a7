import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkUrl, DEFAULT_URL_SCHEMES, isExternalUrl } from '../url-policy.ts';
import { sitePathOfLink } from '../site-pages.ts';
import { walk } from './walk.ts';

export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

const HREF = /\s(?:href|src)="([^"]*)"/g;
const ID = /\sid="([^"]*)"/g;

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** The page file a (decoded) site path maps to on a static host, or undefined. */
function fileFor(dir: string, path: string): string | undefined {
  const candidate = join(dir, path);
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = join(candidate, 'index.html');
  return existsSync(index) ? index : undefined;
}

function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Checks every same-site link and anchor in every HTML page of a built site, as a static host
 * resolves them. The build runs it on both sites, so a public article that links to an
 * internal one (a page the public site does not have) fails the build instead of shipping a 404.
 * Every `href` and `src` also goes through the one URL policy (src/lib/url-policy.ts) that
 * `kb check` and the article guard apply, so no script URL reaches a page by any path.
 */
export function checkBuiltSiteLinks(dir: string, urlSchemes: readonly string[] = DEFAULT_URL_SCHEMES): { checked: number; broken: BrokenLink[] } {
  const pages = walk(dir).filter((f) => f.endsWith('.html'));
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      set = new Set([...readFileSync(file, 'utf8').matchAll(ID)].map((m) => decodeEntities(m[1] ?? '')));
      ids.set(file, set);
    }
    return set;
  };
  // most links point at a few pages (home, browse pages, popular articles): resolve each once
  const files = new Map<string, string | undefined>();
  const resolveFile = (path: string) => {
    if (!files.has(path)) files.set(path, fileFor(dir, path));
    return files.get(path);
  };
  const broken: BrokenLink[] = [];
  let checked = 0;
  for (const page of pages) {
    const html = readFileSync(join(dir, page), 'utf8');
    for (const match of html.matchAll(HREF)) {
      const href = decodeEntities(match[1] ?? '');
      // Pagefind's result template holds {{ placeholders }}, filled from the index at search time
      if (!href || href.includes('{{')) continue;
      const verdict = checkUrl(href, urlSchemes);
      if (!verdict.allowed) {
        broken.push({ page, href, reason: `refused by the URL policy: ${verdict.reason}` });
        continue;
      }
      if (isExternalUrl(href)) continue;
      checked++;
      const at = href.indexOf('#');
      const [pathPart, hash] = at < 0 ? [href, undefined] : [href.slice(0, at), href.slice(at + 1)];
      const base = '/' + page.replace(/index\.html$/, '').replace(/[^/]*\.html$/, '');
      const path = pathPart === '' ? base : sitePathOfLink(pathPart, base);
      const file = path === undefined ? undefined : resolveFile(path);
      if (!file) {
        broken.push({ page, href, reason: path === undefined ? 'not a well-formed address' : 'no such page' });
        continue;
      }
      if (hash && !idsOf(file).has(decoded(hash) ?? hash)) broken.push({ page, href, reason: `no element with id "${hash}"` });
    }
  }
  return { checked, broken };
}

/** One line per broken link, for build errors. */
export function formatBrokenLinks(broken: BrokenLink[]): string {
  return broken.map((b) => `  /${b.page.replace(/index\.html$/, '')}: ${b.href} (${b.reason})`).join('\n');
}
