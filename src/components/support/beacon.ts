/**
 * Sends one demand event to the configured `kb collect` endpoint with navigator.sendBeacon
 * (text/plain, no preflight, survives leaving the page). Without an endpoint it does nothing.
 */
export function sendEvent(event: Record<string, unknown>): void {
  const endpoint = document.querySelector<HTMLMetaElement>('meta[name="kb-collect"]')?.content;
  if (!endpoint) return;
  const site = document.documentElement.dataset['site'] === 'internal' ? 'internal' : 'public';
  const lang = document.documentElement.lang === 'de' ? 'de' : 'en';
  const body = JSON.stringify({ site, lang, ...event });
  try {
    if (navigator.sendBeacon?.(endpoint, new Blob([body], { type: 'text/plain' }))) return;
  } catch {
    // fall through to fetch
  }
  void fetch(endpoint, { method: 'POST', body, keepalive: true, credentials: 'omit', headers: { 'Content-Type': 'text/plain' } }).catch(() => {});
}

const QUERY_KEY = 'kb-last-search';

/** Remembers the last search for this tab (30 minutes), so a contact request can say what was searched. */
export function rememberQuery(query: string): void {
  try {
    sessionStorage.setItem(QUERY_KEY, JSON.stringify({ query, at: Date.now() }));
  } catch {
    // storage may be disabled; the request then has no query
  }
}

export function lastQuery(): string | undefined {
  try {
    const saved = JSON.parse(sessionStorage.getItem(QUERY_KEY) ?? 'null') as { query?: string; at?: number } | null;
    if (saved?.query && Date.now() - (saved.at ?? 0) < 30 * 60_000) return saved.query;
  } catch {
    // ignore a broken entry
  }
  return undefined;
}
