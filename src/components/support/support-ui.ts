// The customer's way out: "Did this solve your problem?", the contact box and the demand events
// of searches. A bundled module (no inline script: the sites send a Content-Security-Policy).
import { channelHref, type ContactRequest } from '../../lib/contact/request.ts';
import { lastQuery, rememberQuery, sendEvent } from './beacon.ts';

function openContact(id: string | undefined): void {
  const box = id ? document.getElementById(id) : null;
  if (!box) return;
  box.hidden = false;
  box.scrollIntoView({ block: 'start' });
  box.focus({ preventScroll: true });
}

for (const widget of document.querySelectorAll<HTMLElement>('[data-helpful]:not([data-ready])')) {
  widget.dataset['ready'] = '';
  const status = widget.querySelector<HTMLElement>('[data-helpful-status]');
  let sent = false;
  for (const button of widget.querySelectorAll<HTMLButtonElement>('[data-helpful-answer]')) {
    button.addEventListener('click', () => {
      const helpful = button.dataset['helpfulAnswer'] === 'yes';
      for (const other of widget.querySelectorAll('[data-helpful-answer]')) other.setAttribute('aria-pressed', String(other === button));
      if (status) status.textContent = (helpful ? widget.dataset['thanks'] : widget.dataset['sorry']) ?? status.dataset[helpful ? 'thanks' : 'sorry'] ?? '';
      // one vote per page view; changing the answer only changes the page
      if (!sent) sendEvent({ type: 'helpful', article: widget.dataset['article'], helpful });
      sent = true;
      if (!helpful) openContact(widget.dataset['contact']);
    });
  }
}

for (const button of document.querySelectorAll<HTMLElement>('[data-contact-open]')) {
  button.addEventListener('click', () => openContact(button.dataset['contactOpen']));
}

for (const box of document.querySelectorAll<HTMLElement>('[data-contact-support]:not([data-ready])')) {
  box.dataset['ready'] = '';
  const link = box.querySelector<HTMLAnchorElement>('[data-contact-send]');
  const lang = box.dataset['lang'] === 'de' ? 'de' : 'en';
  const strings = JSON.parse(box.dataset['strings'] ?? '{}') as Record<string, string>;
  const article = box.dataset['article'] ? (JSON.parse(box.dataset['article']) as ContactRequest['article']) : undefined;
  if (article) article.url = new URL(article.url, location.href).href;
  // from a search: ?q= on the contact page, or the search that led to this article
  const query = new URLSearchParams(location.search).get('q')?.trim().slice(0, 200) || lastQuery();
  const queryRow = box.querySelector<HTMLElement>('[data-contact-query-row]');
  const queryText = box.querySelector<HTMLElement>('[data-contact-query]');
  if (query && queryRow && queryText) {
    queryText.textContent = query;
    queryRow.hidden = false;
  }
  const request = (): ContactRequest => ({
    lang,
    subject: article
      ? (strings['subjectArticle'] ?? '').replace('{title}', article.title)
      : query
        ? (strings['subjectSearch'] ?? '').replace('{query}', query)
        : (strings['subjectPlain'] ?? ''),
    answers: [...box.querySelectorAll<HTMLTextAreaElement>('textarea[data-question]')].map((field) => ({
      question: field.dataset['question'] ?? '',
      answer: field.value,
    })),
    article,
    query,
  });
  const update = () => {
    const href = channelHref({ email: box.dataset['email'], url: box.dataset['url'] }, request());
    if (link && href) link.href = href;
  };
  update();
  box.addEventListener('input', update);
  link?.addEventListener('click', () => {
    update();
    sendEvent({ type: 'contact', ...(article ? { article: article.id } : {}), ...(query ? { query } : {}) });
  });
}

// Searches: remember the query (for a later contact request) and report searches that found
// nothing, or whose results were left without a click, once the visitor stops typing.
const searchRoot = document.querySelector<HTMLElement>('[data-search]');
if (searchRoot) {
  // the search box may be rendered later (a custom element): listen on the root, read the target
  let input: HTMLInputElement | undefined;
  let pending: { query: string; results: number } | undefined;
  let clicked = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const results = () => searchRoot.querySelectorAll('[data-search-results] > li').length;
  const flushUnclicked = () => {
    if (pending && pending.results > 0 && !clicked) sendEvent({ type: 'search', query: pending.query, results: pending.results, clicked: false });
    pending = undefined;
  };
  const settle = () => {
    const query = input?.value.trim() ?? '';
    for (const link of document.querySelectorAll<HTMLAnchorElement>('[data-contact-search-link]')) {
      const url = new URL(link.href, location.href);
      if (query) url.searchParams.set('q', query);
      else url.searchParams.delete('q');
      link.href = url.href;
    }
    if (!query || query === pending?.query) return;
    flushUnclicked();
    clicked = false;
    rememberQuery(query);
    const count = results();
    pending = { query, results: count };
    if (count === 0) sendEvent({ type: 'search', query, results: 0 });
  };
  searchRoot.addEventListener('input', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.type === 'checkbox') return;
    input = target;
    clearTimeout(timer);
    // long enough that the results are in and the visitor has stopped typing
    timer = setTimeout(settle, 1500);
  });
  searchRoot.addEventListener('click', (event) => {
    if ((event.target as Element | null)?.closest('a')) {
      settle();
      clicked = true;
    }
  });
  addEventListener('pagehide', flushUnclicked);
}
