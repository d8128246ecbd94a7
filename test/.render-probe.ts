import { createArticleRenderer } from '../src/lib/content/render-article.ts';
const N = Number(process.argv[3] ?? 10_000);
const bodies: Record<string, string> = {
  jsx: `${'<Callout>'.repeat(N)}x${'</Callout>'.repeat(N)}\n`,
  jsxlines: `${Array.from({ length: N }, () => '<Callout>').join('\n')}\nx\n${Array.from({ length: N }, () => '</Callout>').join('\n')}\n`,
  div: `${Array.from({ length: N }, () => '<div>').join('\n')}\nx\n${Array.from({ length: N }, () => '</div>').join('\n')}\n`,
  html: `${'<span>'.repeat(N)}x${'</span>'.repeat(N)}\n`,
  list: `${'- '.repeat(N)}x\n`,
  quote: `${'>'.repeat(N)}x\n`,
  emph: `${'*a '.repeat(N)}x${' a*'.repeat(N)}\n`,
};
const render = await createArticleRenderer({ audience: 'public', urlSchemes: ['http', 'https', 'mailto', 'tel'] });
const t = performance.now();
try {
  const r = await render(`---\ntitle: x\n---\n\n${bodies[process.argv[2]!]!}`, { lang: 'en' });
  console.log(process.argv[2], N, 'ok', ((performance.now() - t) / 1000).toFixed(2), r.html.length);
} catch (e) {
  console.log(process.argv[2], N, 'threw', ((performance.now() - t) / 1000).toFixed(2), String(e).slice(0, 200));
}
