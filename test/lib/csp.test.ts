import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { astroCsp, headerPolicy, headersFile, headersFor, scriptHash } from '../../src/lib/csp.ts';
import { THEME_INIT } from '../../src/site/theme-init.ts';

describe('the content security policy', () => {
  it('allows the theme script by its hash, WebAssembly for search, and no inline script', () => {
    const csp = astroCsp({ audience: 'public' }, [THEME_INIT]);
    expect(csp.scriptDirective?.resources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.scriptDirective?.hashes).toEqual([`sha256-${createHash('sha256').update(THEME_INIT).digest('base64')}`]);
    expect(csp.scriptDirective?.strictDynamic).toBeUndefined();
    expect(JSON.stringify(csp)).not.toMatch(/unsafe-inline|'unsafe-eval'/);
    expect(csp.directives).toContain("object-src 'none'");
    expect(scriptHash('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
  });

  it('lets the pages send demand events to an endpoint on another host, and only there', () => {
    expect(astroCsp({ audience: 'public', feedbackEndpoint: 'https://collect.example.com/events' }).directives).toContain(
      "connect-src 'self' https://collect.example.com",
    );
    expect(astroCsp({ audience: 'public', feedbackEndpoint: '/events' }).directives).toContain("connect-src 'self'");
    expect(headerPolicy({ audience: 'internal', feedbackEndpoint: 'https://collect.example.com:8443/e' })).toContain(
      "connect-src 'self' https://collect.example.com:8443;",
    );
  });

  it('puts what a meta policy cannot carry into the headers, and no script-src there', () => {
    const policy = headerPolicy({ audience: 'public' });
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src|style-src|default-src/);
    const internal = new Map(headersFor({ audience: 'internal' }));
    expect(internal.get('Referrer-Policy')).toBe('same-origin');
    expect(internal.get('X-Robots-Tag')).toBe('noindex, nofollow');
    expect(new Map(headersFor({ audience: 'public' })).has('X-Robots-Tag')).toBe(false);
    expect(headersFile({ audience: 'public' })).toMatch(/^# .*\n\/\*\n {2}Content-Security-Policy: img-src/);
  });
});
