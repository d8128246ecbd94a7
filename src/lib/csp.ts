import { createHash } from 'node:crypto';
import type { AstroConfig } from 'astro';
import type { Audience } from './levels.ts';

type AstroCsp = Exclude<AstroConfig['security']['csp'], boolean>;

/**
 * The one home of the sites' Content-Security-Policy and the other security headers.
 *
 * Two layers, made from the same lists:
 * - every page carries the full policy in a `<meta http-equiv="content-security-policy">` that
 *   Astro writes (`security.csp`): `script-src` and `style-src` list the hashes of exactly the
 *   scripts and styles of that page, so an injected inline script or `on…` handler does not run,
 *   whatever host serves the files;
 * - the host adds HTTP headers (`headersFor`): what a meta policy cannot say (`frame-ancestors`),
 *   the fetch directives again, and `X-Content-Type-Options`, `Referrer-Policy` and friends. The
 *   build writes them as a Netlify-style `_headers` file into each site; the README shows the
 *   same lines for nginx and Caddy (a test holds them equal).
 *
 * The header policy has no `script-src`, `style-src` or `default-src`: the hashes differ from page
 * to page and build to build, and two policies are both enforced, so a header without the hashes
 * would block the scripts the meta policy allows.
 */

/** What the policy needs to know about a site beyond its audience. */
export interface CspSite {
  audience: Audience;
  /** The demand-event endpoint (`/events` or `https://collect.example.com/events`), if any. */
  feedbackEndpoint?: string | undefined;
}

/**
 * Script sources besides the per-page hashes. Pagefind compiles its search index reader from
 * WebAssembly, which needs `'wasm-unsafe-eval'` (it allows WebAssembly only, not `eval`); its
 * `pagefind.js`, the worker and the UI are files of the site ('self'), loaded by URL or dynamic
 * `import()`. No `'strict-dynamic'`: with it, 'self' would no longer count.
 */
export const SCRIPT_SOURCES: readonly string[] = ["'self'", "'wasm-unsafe-eval'"];
/** Style sources besides the per-page hashes: the site's own stylesheets. */
export const STYLE_SOURCES: readonly string[] = ["'self'"];

/** The origin a demand endpoint on another host needs in `connect-src`, or undefined for a path. */
function endpointOrigin(endpoint: string | undefined): string | undefined {
  if (!endpoint || !/^https?:\/\//.test(endpoint)) return undefined;
  return new URL(endpoint).origin;
}

/**
 * The fetch and document directives, without `script-src` and `style-src` (Astro adds those with
 * the hashes). In the order they are written.
 */
export function fetchDirectives(site: CspSite): [string, string[]][] {
  const collect = endpointOrigin(site.feedbackEndpoint);
  return [
    ['default-src', ["'self'"]],
    // article images are local files; `http(s):` images are allowed by the URL policy
    // (src/lib/url-policy.ts), so the policy lets them load rather than break what kb check passed;
    // data: is for the small icons in Pagefind's stylesheet
    ['img-src', ["'self'", 'data:', 'https:']],
    // Pagefind fetches its index and fragments; the pages send demand events (sendBeacon)
    ['connect-src', ["'self'", ...(collect ? [collect] : [])]],
    // Pagefind searches in a worker, from /pagefind/pagefind-worker.js
    ['worker-src', ["'self'"]],
    ['font-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
  ];
}

const serialise = (directives: [string, readonly string[]][]) => directives.map(([name, sources]) => `${name} ${sources.join(' ')}`);

/** A script's hash as CSP writes it (`sha256-…`), for inline scripts Astro does not process. */
export function scriptHash(code: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}`;
}

/**
 * Astro's `security.csp` for a site: the meta policy of every page. `inlineScripts` are the
 * `is:inline` scripts of the layout (the theme is applied before the first paint): their hashes
 * are added to every page.
 */
export function astroCsp(site: CspSite, inlineScripts: readonly string[] = []): AstroCsp {
  return {
    algorithm: 'SHA-256',
    directives: serialise(fetchDirectives(site)) as NonNullable<AstroCsp['directives']>,
    scriptDirective: { resources: [...SCRIPT_SOURCES], hashes: inlineScripts.map(scriptHash) },
    styleDirective: { resources: [...STYLE_SOURCES] },
  };
}

/** The Content-Security-Policy HTTP header: what a meta policy cannot carry, and the fetch directives. */
export function headerPolicy(site: CspSite): string {
  const directives = fetchDirectives(site).filter(([name]) => name !== 'default-src');
  return [...serialise(directives), "frame-ancestors 'none'"].join('; ');
}

/** Every security header a host should send with each file of a site, in the order written. */
export function headersFor(site: CspSite): [string, string][] {
  return [
    ['Content-Security-Policy', headerPolicy(site)],
    ['X-Content-Type-Options', 'nosniff'],
    // for browsers without frame-ancestors
    ['X-Frame-Options', 'DENY'],
    // the agent site's addresses (article slugs, the health page) stay inside the site
    ['Referrer-Policy', site.audience === 'internal' ? 'same-origin' : 'strict-origin-when-cross-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ...(site.audience === 'internal' ? [['X-Robots-Tag', 'noindex, nofollow'] as [string, string]] : []),
  ];
}

/** The headers as a Netlify-style `_headers` file (also read by Cloudflare Pages). */
export function headersFile(site: CspSite): string {
  const lines = headersFor(site).map(([name, value]) => `  ${name}: ${value}`);
  return `# Security headers of the ${site.audience} site, written by the build from src/lib/csp.ts\n/*\n${lines.join('\n')}\n`;
}
