import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { walk } from './walk.ts';

export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

const HREF = /\s(?:href|src)="([^"]*)"/g;
const ID = /\sid="([^"]*)"/g;

function decodeEntities(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

/** The page file a site path maps to on a static host, or undefined. */
function fileFor(dir: string, path: string): string | undefined {
  const candidate = join(dir, decodeURIComponent(path));
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = join(candidate, 'index.html');
  return existsSync(index) ? index : undefined;
}

/**
 * Checks every same-site link and anchor in every HTML page of a built site, as a static host
 * resolves them. The build runs it on both sites, so a public article that links to an
 * internal one (a page the public site does not have) fails the build instead of shipping a 404.
 */
export function checkBuiltSiteLinks(dir: string): { checked: number; broken: BrokenLink[] } {
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
      if (!href || /^(?:[a-z]+:|\/\/)/i.test(href) || href.includes('{{')) continue;
      checked++;
      const [pathPart = '', hash] = href.split('#');
      const base = '/' + page.replace(/index\.html$/, '').replace(/[^/]*\.html$/, '');
      const path = pathPart === '' ? base : pathPart.startsWith('/') ? pathPart : new URL(pathPart, `http://x${base}`).pathname;
      const file = resolveFile(path);
      if (!file) {
        broken.push({ page, href, reason: 'no such page' });
        continue;
      }
      if (hash && !idsOf(file).has(decodeURIComponent(hash))) broken.push({ page, href, reason: `no element with id "${hash}"` });
    }
  }
  return { checked, broken };
}

/** One line per broken link, for build errors. */
export function formatBrokenLinks(broken: BrokenLink[]): string {
  return broken.map((b) => `  /${b.page.replace(/index\.html$/, '')}: ${b.href} (${b.reason})`).join('\n');
}
