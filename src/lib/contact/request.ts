/**
 * The prefilled support request a customer sends when self-service did not help: built in the
 * browser from the answers to the article's questions, and turned into a `mailto:` link or a
 * ticket-portal URL. Pure functions, shared by the page script and the tests.
 */
export interface ContactRequest {
  subject: string;
  /** Questions and the customer's answers, in order; empty answers are left out. */
  answers: { question: string; answer: string }[];
  /** Article id (`en/printer-offline`) and its address, when the request comes from an article. */
  article?: { id: string; title: string; url: string } | undefined;
  /** The search text, when the request comes from a search (or the article was found by one). */
  query?: string | undefined;
  lang: 'en' | 'de';
}

export interface ContactChannel {
  email?: string | undefined;
  url?: string | undefined;
}

const LABELS = {
  en: { article: 'Article', search: 'Searched for', intro: 'Self-service did not solve my problem.' },
  de: { article: 'Artikel', search: 'Gesucht nach', intro: 'Die Selbsthilfe hat mein Problem nicht gelöst.' },
};

/** Longest answer kept: a mailto link or a portal URL must stay within what browsers open. */
const MAX_ANSWER = 1000;

/** The request as plain text, the same for e-mail and portals. */
export function requestBody(request: ContactRequest): string {
  const label = LABELS[request.lang];
  const lines = [label.intro, ''];
  for (const { question, answer } of request.answers) {
    const text = answer.trim().slice(0, MAX_ANSWER);
    if (text) lines.push(`${question}`, `${text}`, '');
  }
  if (request.article) lines.push(`${label.article}: ${request.article.title} (${request.article.id})`, request.article.url);
  if (request.query) lines.push(`${label.search}: ${request.query}`);
  return lines.join('\n').trim();
}

/**
 * Where the request goes: `mailto:` with subject and body, or the portal template with its
 * placeholders filled URL-encoded. Undefined when no channel is configured.
 */
export function channelHref(channel: ContactChannel, request: ContactRequest): string | undefined {
  const body = requestBody(request);
  if (channel.url) {
    const values: Record<string, string> = {
      subject: request.subject,
      body,
      article: request.article?.id ?? '',
      url: request.article?.url ?? '',
      query: request.query ?? '',
    };
    return channel.url.replace(/\{(subject|body|article|url|query)\}/g, (_, key: string) => encodeURIComponent(values[key] ?? ''));
  }
  if (channel.email) {
    // RFC 6068: percent-encode everything, line breaks as %0D%0A
    const encode = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
    return `mailto:${channel.email}?subject=${encode(request.subject)}&body=${encode(body)}`;
  }
  return undefined;
}

/**
 * The questions shown to the customer: the author's own (`contact.questions`), else the
 * escalation checklist turned into questions, else two general ones.
 */
export function contactQuestions(lang: 'en' | 'de', authored: readonly string[] | undefined, collect: readonly string[] | undefined): string[] {
  if (authored?.length) return [...authored];
  if (collect?.length) return collect.map((item) => (/[?:]$/.test(item.trim()) ? item.trim() : `${item.trim()}${lang === 'de' ? ':' : ':'}`));
  return lang === 'de'
    ? ['Was wollten Sie tun?', 'Was ist stattdessen passiert (genaue Fehlermeldung)?', 'Was haben Sie schon versucht?']
    : ['What were you trying to do?', 'What happened instead (the exact error message)?', 'What have you tried already?'];
}
