import type { APIRoute, GetStaticPaths } from 'astro';
import { isSearchable } from '../../lib/content/visibility.ts';
import { LANGS, type Lang } from '../../lib/levels.ts';
import { searchTermList } from '../../lib/search/term-list.ts';
import { allArticles, searchTermContexts } from '../../site/context.ts';

// One word list per language of this site for "Did you mean" (src/lib/search/did-you-mean.ts).
// Built from the articles this site has: the public site never sees internal text.
export const getStaticPaths = (() => LANGS.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const lang = params['lang'] as Lang;
  const articles = (await allArticles()).filter((a) => a.data.lang === lang && isSearchable(a.data));
  const terms = searchTermList(articles, (await searchTermContexts())[lang]);
  return new Response(JSON.stringify({ lang, terms }), { headers: { 'Content-Type': 'application/json' } });
};
