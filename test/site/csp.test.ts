import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { headersFile, headersFor, SCRIPT_SOURCES } from '../../src/lib/csp.ts';
import { walk } from '../helpers/dist.ts';
import { ROOT } from '../helpers/paths.ts';

// Every page of both built fixture sites carries a Content-Security-Policy that allows exactly
// its own scripts and styles: each inline script and style is listed by its hash, nothing
// depends on 'unsafe-inline', and no page holds markup the policy would silently break
// (style attributes, on… handlers, javascript: URLs).
const site = inject('fixtureSite');
const SITES = ['public', 'internal'] as const;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function policyOf(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)">/gi)];
  expect(metas).toHaveLength(1);
  const policy = new Map<string, string[]>();
  for (const directive of metas[0]![1]!.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) policy.set(name, sources);
  }
  return policy;
}

describe.each(SITES)('the %s site', (audience) => {
  const dir = join(site, audience);
  const pages = walk(dir).filter((f) => f.endsWith('.html'));

  it('has a policy on every page that lists each inline script and style by its hash', () => {
    expect(pages.length).toBeGreaterThan(20);
    const problems: string[] = [];
    for (const page of pages) {
      const html = readFileSync(join(dir, page), 'utf8');
      const policy = policyOf(html);
      const scripts = policy.get('script-src') ?? [];
      const styles = policy.get('style-src') ?? [];
      for (const source of SCRIPT_SOURCES) if (!scripts.includes(source)) problems.push(`${page}: script-src lacks ${source}`);
      for (const [name, sources] of policy) {
        // scripts only from the site itself and by hash; nothing anywhere relies on 'unsafe-inline'
        const refused = name.startsWith('script')
          ? /^(?:'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|'strict-dynamic'|\*|https?:|data:|blob:)$/
          : /^'unsafe-(?:inline|eval|hashes)'$/;
        if (sources.some((s) => refused.test(s))) problems.push(`${page}: ${name} ${sources.join(' ')}`);
      }
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      for (const match of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
        const [, attributes = '', code = ''] = match;
        // a data block (Pagefind's result template) is never run
        if (/\bsrc=/.test(attributes) || /type="text\/(?!javascript)/.test(attributes)) continue;
        if (!scripts.includes(sha256(code))) problems.push(`${page}: inline script without its hash: ${code.slice(0, 60)}`);
      }
      for (const match of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
        if (!styles.includes(sha256(match[1] ?? ''))) problems.push(`${page}: inline style without its hash`);
      }
      for (const match of html.matchAll(/<[a-z][^>]*\s(style|on[a-z]+)=/gi)) problems.push(`${page}: ${match[1]} attribute (refused by the policy)`);
      if (/(?:href|src)="\s*javascript:/i.test(html)) problems.push(`${page}: javascript: URL`);
    }
    expect(problems).toEqual([]);
  });

  it('writes the security headers for the host as _headers, from the same policy', () => {
    const text = readFileSync(join(dir, '_headers'), 'utf8');
    expect(text).toBe(headersFile({ audience, feedbackEndpoint: '/events' }));
    expect(text).toContain("frame-ancestors 'none'");
    expect(text).toContain('X-Content-Type-Options: nosniff');
  });
});

describe('the deploy documentation', () => {
  // the README's nginx and Caddy examples show the public site's headers: they must be the ones
  // the build writes, or a host configured from the README would send another policy
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const security = readFileSync(join(ROOT, 'SECURITY.md'), 'utf8');
  const headers = headersFor({ audience: 'public' });

  it.each([
    ['nginx', (name: string, value: string) => `add_header ${name} "${value}" always;`],
    ['Caddy', (name: string, value: string) => `${name} "${value}"`],
  ])('shows the headers for %s', (_, line) => {
    for (const [name, value] of headers) expect(readme, name).toContain(line(name, value));
  });

  it('shows the _headers file, and SECURITY.md points at the policy', () => {
    expect(readme).toContain(headersFile({ audience: 'public' }).split('\n').slice(1).join('\n'));
    expect(security).toContain('src/lib/csp.ts');
    expect(security).toContain('Content-Security-Policy');
  });
});
