import type { Lang, Level } from './levels.ts';

/** Every string the site shows, in both languages. Keys are checked by the type: a missing translation does not compile. */
const strings = {
  siteTitle: { en: 'Support knowledge base', de: 'Support-Wissensdatenbank' },
  siteTitleInternal: { en: 'Agent knowledge base', de: 'Wissensdatenbank für Agents' },
  skipToContent: { en: 'Skip to content', de: 'Zum Inhalt springen' },
  searchHeading: { en: 'How can we help?', de: 'Wie können wir helfen?' },
  searchIntro: {
    en: 'Search by symptom, product or error code, for example 0x80070005.',
    de: 'Suchen Sie nach Symptom, Produkt oder Fehlercode, zum Beispiel 0x80070005.',
  },
  searchLabel: { en: 'Search the knowledge base', de: 'Wissensdatenbank durchsuchen' },
  searchOtherLanguage: {
    en: 'Results include articles that exist only in German; use the language filter to narrow them.',
    de: 'Die Ergebnisse enthalten auch Artikel, die es nur auf Englisch gibt; der Sprachfilter grenzt sie ein.',
  },
  // search results (src/components/search); {n} is a number, {query} what was searched
  searchResults: { en: 'Search results', de: 'Suchergebnisse' },
  searchResultsOne: { en: '1 result for “{query}”', de: '1 Ergebnis für „{query}“' },
  searchResultsMany: { en: '{n} results for “{query}”', de: '{n} Ergebnisse für „{query}“' },
  searchArticlesOne: { en: '1 article', de: '1 Artikel' },
  searchArticlesMany: { en: '{n} articles', de: '{n} Artikel' },
  searchNoResults: { en: 'No results for “{query}”.', de: 'Keine Ergebnisse für „{query}“.' },
  searchNotFoundWords: { en: 'No article has “{words}”.', de: 'Kein Artikel enthält „{words}“.' },
  searchNoResultsHelp: {
    en: 'Try other or fewer words, a product name or an error code.',
    de: 'Versuchen Sie andere oder weniger Wörter, einen Produktnamen oder einen Fehlercode.',
  },
  searchDidYouMean: { en: 'Did you mean:', de: 'Meinten Sie:' },
  searchWithoutFilters: { en: 'Search without filters', de: 'Ohne Filter suchen' },
  searchShowMore: { en: 'Show more results', de: 'Weitere Ergebnisse zeigen' },
  searchAlsoInGerman: { en: 'Also in German', de: 'Auch auf Deutsch' },
  searchAlsoInEnglish: { en: 'Also in English', de: 'Auch auf Englisch' },
  searchFailed: {
    en: 'The search could not load. Check your connection and try again.',
    de: 'Die Suche konnte nicht geladen werden. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
  },
  filterLevel: { en: 'Level', de: 'Level' },
  filterProduct: { en: 'Product', de: 'Produkt' },
  filterLanguage: { en: 'Language', de: 'Sprache' },
  filterAudience: { en: 'Audience', de: 'Zielgruppe' },
  filterAll: { en: 'All', de: 'Alle' },
  browse: { en: 'Browse', de: 'Stöbern' },
  byLevel: { en: 'By support level', de: 'Nach Support-Level' },
  byProduct: { en: 'By product', de: 'Nach Produkt' },
  byTag: { en: 'By topic', de: 'Nach Thema' },
  allTags: { en: 'All topics', de: 'Alle Themen' },
  recent: { en: 'Recently reviewed', de: 'Zuletzt geprüft' },
  articles: { en: 'articles', de: 'Artikel' },
  level: { en: 'Level', de: 'Level' },
  product: { en: 'Product', de: 'Produkt' },
  errorCodes: { en: 'Error codes', de: 'Fehlercodes' },
  lastReviewed: { en: 'Last reviewed', de: 'Zuletzt geprüft' },
  neverReviewed: { en: 'Not reviewed yet', de: 'Noch nicht geprüft' },
  owner: { en: 'Owner', de: 'Verantwortlich' },
  linkedTickets: { en: 'Linked tickets', de: 'Verknüpfte Tickets' },
  audience: { en: 'Audience', de: 'Zielgruppe' },
  audiencePublic: { en: 'Public', de: 'Öffentlich' },
  audienceInternal: { en: 'Internal', de: 'Intern' },
  editArticle: { en: 'Edit this article', de: 'Diesen Artikel bearbeiten' },
  relatedArticles: { en: 'Related articles', de: 'Verwandte Artikel' },
  otherLanguageVersion: { en: 'Also available in German', de: 'Auch auf Englisch verfügbar' },
  archivedBanner: {
    en: 'This article is archived. It is kept for reference and may no longer apply; it does not appear in search.',
    de: 'Dieser Artikel ist archiviert. Er bleibt zum Nachschlagen erhalten, gilt aber womöglich nicht mehr und erscheint nicht in der Suche.',
  },
  internalBadge: { en: 'Internal: support staff only', de: 'Intern: nur für Support-Mitarbeitende' },
  internalBlock: { en: 'Internal note', de: 'Interner Hinweis' },
  escalation: { en: 'When to escalate', de: 'Wann eskalieren' },
  escalateTo: { en: 'Escalate to level', de: 'Eskalieren an Level' },
  collectFirst: { en: 'Collect before handing over', de: 'Vor der Übergabe sammeln' },
  // reader feedback on the knowledge-health page (kb feedback with KB_EVENTS)
  demandHeading: { en: 'Reader feedback and searches without results', de: 'Leser-Rückmeldungen und Suchen ohne Ergebnis' },
  demandSummary: {
    en: '{votes} answers to "Did this solve your problem?", {searches} searches without results, {contacts} contact requests ({rejected} events rejected).',
    de: '{votes} Antworten auf „Hat das Ihr Problem gelöst?“, {searches} Suchen ohne Ergebnis, {contacts} Kontaktanfragen ({rejected} Ereignisse abgelehnt).',
  },
  demandArticlesCaption: { en: 'Least helpful articles', de: 'Am wenigsten hilfreiche Artikel' },
  demandArticle: { en: 'Article', de: 'Artikel' },
  demandHelpful: { en: 'Helpful', de: 'Hilfreich' },
  demandVotes: { en: 'Answers', de: 'Antworten' },
  demandContacts: { en: 'Contact requests', de: 'Kontaktanfragen' },
  demandGapsCaption: { en: 'Searched for without a result', de: 'Ohne Ergebnis gesucht' },
  demandTopic: { en: 'Topic', de: 'Thema' },
  demandSearches: { en: 'Searches', de: 'Suchen' },
  demandExamples: { en: 'Queries', de: 'Suchanfragen' },
  demandNoEvents: {
    en: 'No demand events in this build. Build with KB_EVENTS=events.sqlite npm run build (kb collect) to see which articles did not help and what people searched for in vain.',
    de: 'Keine Nachfrage-Ereignisse in diesem Build. Mit KB_EVENTS=events.sqlite npm run build (kb collect) erscheinen hier nicht hilfreiche Artikel und erfolglose Suchen.',
  },
  // customer wording for the escalation box on the public site
  stillNotWorking: { en: 'Still not working?', de: 'Immer noch nicht gelöst?' },
  haveReady: { en: 'Have this ready when you contact support:', de: 'Halten Sie das bereit, wenn Sie den Support kontaktieren:' },
  escalateToQueue: { en: 'Escalate to', de: 'Eskalieren an' },
  // "Did this solve your problem?" and contact support (src/components/support)
  helpfulQuestion: { en: 'Did this solve your problem?', de: 'Hat das Ihr Problem gelöst?' },
  helpfulYes: { en: 'Yes', de: 'Ja' },
  helpfulNo: { en: 'No', de: 'Nein' },
  helpfulThanks: { en: 'Thank you for your feedback.', de: 'Danke für Ihre Rückmeldung.' },
  helpfulSorry: {
    en: 'Sorry this did not help. Our support team can take it from here.',
    de: 'Schade, dass das nicht geholfen hat. Unser Support-Team hilft weiter.',
  },
  contactSupport: { en: 'Contact support', de: 'Support kontaktieren' },
  contactIntro: {
    en: 'Answer what you can; your answers, this page and your search go into the request, so nobody has to ask again.',
    de: 'Beantworten Sie, was Sie können; Ihre Antworten, diese Seite und Ihre Suche kommen in die Anfrage, damit niemand erneut fragen muss.',
  },
  contactSendEmail: { en: 'Write the e-mail', de: 'E-Mail schreiben' },
  contactSendPortal: { en: 'Open the support request', de: 'Support-Anfrage öffnen' },
  contactCall: { en: 'Call {name}', de: 'Rufen Sie {name} an' },
  contactDefaultName: { en: 'the service desk', de: 'den Service Desk' },
  contactSubjectArticle: { en: 'Not solved: {title}', de: 'Nicht gelöst: {title}' },
  contactSubjectSearch: { en: 'No article found for: {query}', de: 'Kein Artikel gefunden zu: {query}' },
  contactSubjectPlain: { en: 'Support request', de: 'Support-Anfrage' },
  contactYourSearch: { en: 'Your search', de: 'Ihre Suche' },
  contactNoResults: { en: 'Nothing found? Contact support', de: 'Nichts gefunden? Support kontaktieren' },
  contactPageTitle: { en: 'Contact support', de: 'Support kontaktieren' },
  // agent actions (internal site)
  copyAnswer: { en: 'Copy answer', de: 'Antwort kopieren' },
  copyTicketLink: { en: 'Copy link for ticket', de: 'Link fürs Ticket kopieren' },
  copyCode: { en: 'Copy', de: 'Kopieren' },
  copied: { en: 'Copied', de: 'Kopiert' },
  copyFailed: { en: 'Copy failed: select the text and press Ctrl+C', de: 'Kopieren fehlgeschlagen: Text markieren und Strg+C drücken' },
  breadcrumb: { en: 'Breadcrumb', de: 'Brotkrumen-Navigation' },
  home: { en: 'Home', de: 'Start' },
  contactOwner: { en: 'Contact the owner', de: 'Verantwortliche kontaktieren' },
  note: { en: 'Note', de: 'Hinweis' },
  tip: { en: 'Tip', de: 'Tipp' },
  warning: { en: 'Warning', de: 'Warnung' },
  onThisPage: { en: 'On this page', de: 'Auf dieser Seite' },
  notFoundTitle: { en: 'Page not found', de: 'Seite nicht gefunden' },
  notFoundText: {
    en: 'This page does not exist or was moved. Try the search:',
    de: 'Diese Seite gibt es nicht oder sie wurde verschoben. Versuchen Sie die Suche:',
  },
  backHome: { en: 'Back to the start page', de: 'Zurück zur Startseite' },
  language: { en: 'Language', de: 'Sprache' },
  switchToOther: { en: 'Deutsch', de: 'English' },
  theme: { en: 'Colour scheme', de: 'Farbschema' },
  themeAuto: { en: 'System', de: 'System' },
  themeLight: { en: 'Light', de: 'Hell' },
  themeDark: { en: 'Dark', de: 'Dunkel' },
  noArticles: { en: 'No articles yet.', de: 'Noch keine Artikel.' },
  onlyInOtherLanguage: { en: 'Only in German', de: 'Nur auf Englisch' },
  tags: { en: 'Topics', de: 'Themen' },
  health: { en: 'Knowledge health', de: 'Wissensqualität' },
  chooseLanguage: { en: 'Choose your language', de: 'Sprache wählen' },
  // knowledge-health page (internal site); {placeholders} are filled by the page
  healthIntro: {
    en: 'Articles that need review, computed with the rules of kb stale when this site was built, for {date}.',
    de: 'Artikel, die geprüft werden müssen, berechnet mit den Regeln von kb stale beim Erstellen dieser Website, Stand {date}.',
  },
  healthSummary: { en: '{stale} of {checked} published articles need review.', de: '{stale} von {checked} veröffentlichten Artikeln müssen geprüft werden.' },
  healthNotChecked: {
    en: 'Not checked: drafts {draft}, archived {archived}, invalid frontmatter {skipped} (kb check explains them).',
    de: 'Nicht geprüft: Entwürfe {draft}, archiviert {archived}, ungültiges Frontmatter {skipped} (kb check erklärt sie).',
  },
  healthWarnings: { en: 'The report could not see everything', de: 'Der Bericht konnte nicht alles sehen' },
  staleByLevel: { en: 'Stale articles by level', de: 'Veraltete Artikel nach Level' },
  staleOfTotal: { en: '{stale} of {total} stale', de: '{stale} von {total} veraltet' },
  staleByOwner: { en: 'Stale articles by owner', de: 'Veraltete Artikel nach Verantwortlichen' },
  staleByProduct: { en: 'Stale articles by product', de: 'Veraltete Artikel nach Produkt' },
  staleCount: { en: 'Stale', de: 'Veraltet' },
  publishedCount: { en: 'Published', de: 'Veröffentlicht' },
  noStaleArticles: { en: 'No article needs review.', de: 'Kein Artikel muss geprüft werden.' },
  // the owner's to-do list on the knowledge-health page, most urgent first
  actionList: { en: 'What to do first', de: 'Was zuerst zu tun ist' },
  actionListIntro: {
    en: 'Most urgent first: software past its end of support and articles that fail readers or tickets, then overdue reviews by days overdue × use, then warnings. Language versions of one article stay together.',
    de: 'Dringendstes zuerst: Software ohne Support und Artikel, die Lesern oder Tickets nicht helfen, dann überfällige Prüfungen nach Tagen Verzug × Nutzung, dann Warnungen. Sprachversionen eines Artikels stehen zusammen.',
  },
  urgencyNow: { en: 'Act now', de: 'Sofort handeln' },
  urgencyOverdue: { en: 'Overdue', de: 'Überfällig' },
  urgencySoon: { en: 'Check soon', de: 'Bald prüfen' },
  urgencyDue: { en: 'Due soon', de: 'Bald fällig' },
  columnUrgency: { en: 'Urgency', de: 'Dringlichkeit' },
  columnArticle: { en: 'Article and file', de: 'Artikel und Datei' },
  columnOwner: { en: 'Who acts', de: 'Wer handelt' },
  columnReasons: { en: 'Why', de: 'Warum' },
  columnEdit: { en: 'Edit', de: 'Bearbeiten' },
  editSource: { en: 'Edit {title}', de: '{title} bearbeiten' },
  translationOf: { en: 'translation of the row above', de: 'Übersetzung der Zeile darüber' },
  dueSoon: { en: 'Due in the next 30 days', de: 'In den nächsten 30 Tagen fällig' },
  noDueSoon: { en: 'No review falls due in the next 30 days.', de: 'In den nächsten 30 Tagen wird keine Prüfung fällig.' },
  dueOn: { en: 'due {date}', de: 'fällig am {date}' },
  downloadList: { en: 'Download the list', de: 'Liste herunterladen' },
  downloadCsv: { en: 'CSV (spreadsheet)', de: 'CSV (Tabellenkalkulation)' },
  downloadJson: { en: 'JSON (tools)', de: 'JSON (Werkzeuge)' },
  reviewAge: { en: 'Days since the last review', de: 'Tage seit der letzten Prüfung' },
  reviewAgeDescription: {
    en: 'Published articles by days since their last review.',
    de: 'Veröffentlichte Artikel nach Tagen seit ihrer letzten Prüfung.',
  },
  ageUnder: { en: 'under {n} days', de: 'unter {n} Tagen' },
  ageRange: { en: '{min}–{max} days', de: '{min}–{max} Tage' },
  ageOver: { en: '{n} days or more', de: '{n} Tage oder mehr' },
  ageNever: { en: 'never reviewed', de: 'nie geprüft' },
  articleCount: { en: '{n} articles', de: '{n} Artikel' },
  // ticket gaps on the knowledge-health page (kb gaps with KB_TICKETS)
  gapsHeading: { en: 'Knowledge gaps from tickets', de: 'Wissenslücken aus Tickets' },
  gapsSummary: {
    en: '{accepted} tickets read ({rejected} rejected); {rate} of them have an article.',
    de: '{accepted} Tickets gelesen ({rejected} abgelehnt); {rate} davon haben einen Artikel.',
  },
  gapsCaption: { en: 'Topics without an article, most important first', de: 'Themen ohne Artikel, wichtigste zuerst' },
  gapsTopic: { en: 'Topic', de: 'Thema' },
  gapsSolvedAt: { en: 'Solved at level', de: 'Gelöst auf Level' },
  gapsEscalated: { en: 'Escalated', de: 'Eskaliert' },
  gapsShiftLeft: { en: 'Shift left', de: 'Nach vorn verlagern (Shift left)' },
  shiftLeftAdvice: {
    en: '{tickets} tickets were solved at level 2 or 3 with this level-{level} article ({audience}): publish a level-1 version the service desk or customers can apply.',
    de: '{tickets} Tickets wurden auf Level 2 oder 3 mit diesem Level-{level}-Artikel ({audience}) gelöst: eine Level-1-Fassung veröffentlichen, die Service Desk oder Kundschaft anwenden können.',
  },
  gapsNoTickets: {
    en: 'No ticket data in this build. Build with KB_TICKETS=export.csv npm run build to list the topics without an article here.',
    de: 'Keine Ticketdaten in diesem Build. Mit KB_TICKETS=export.csv npm run build erscheinen hier die Themen ohne Artikel.',
  },
  reasons: { en: 'Reasons', de: 'Gründe' },
} satisfies Record<string, Record<Lang, string>>;

export type UiKey = keyof typeof strings;

export function t(lang: Lang, key: UiKey): string {
  return strings[key][lang];
}

const levelNames: Record<Level, Record<Lang, string>> = {
  1: { en: 'Level 1 · service desk', de: 'Level 1 · Service Desk' },
  2: { en: 'Level 2 · technical analysis', de: 'Level 2 · technische Analyse' },
  3: { en: 'Level 3 · specialists', de: 'Level 3 · Spezialisten' },
};

const levelHints: Record<Level, Record<Lang, string>> = {
  1: {
    en: 'Known problems with a documented fix: customers and the service desk can apply it.',
    de: 'Bekannte Probleme mit dokumentierter Lösung: Kundschaft und Service Desk können sie anwenden.',
  },
  2: {
    en: 'Needs deeper technical analysis and admin rights.',
    de: 'Erfordert tiefere technische Analyse und Administrationsrechte.',
  },
  3: {
    en: 'New or severe problems solved by specialists, often with development or vendors.',
    de: 'Neue oder schwere Probleme, gelöst von Spezialisten, oft mit Entwicklung oder Herstellern.',
  },
};

const reasonNames: Record<string, Record<Lang, string>> = {
  'review-overdue': { en: 'Review overdue', de: 'Prüfung überfällig' },
  'review-due': { en: 'Review due soon', de: 'Prüfung bald fällig' },
  'never-reviewed': { en: 'Never reviewed', de: 'Nie geprüft' },
  unhelpful: { en: 'Readers say it did not help', de: 'Leser sagen, es half nicht' },
  'git-unchanged': { en: 'Unchanged for a long time', de: 'Lange unverändert' },
  'product-eol': { en: 'Product version past end of support', de: 'Produktversion ohne Support' },
  'eol-soon': { en: 'Support ends soon', de: 'Support endet bald' },
  'mentions-eol': { en: 'About software past end of support', de: 'Behandelt Software ohne Support' },
  'broken-link': { en: 'Broken link', de: 'Defekter Link' },
  'translation-outdated': { en: 'Translation outdated', de: 'Übersetzung veraltet' },
  'archived-linked': { en: 'Links to an archived article', de: 'Verweist auf archivierten Artikel' },
  'ticket-escalations': { en: 'Tickets escalated', de: 'Tickets eskaliert' },
  'ticket-reopened': { en: 'Tickets reopened', de: 'Tickets wieder geöffnet' },
  unused: { en: 'Not used by tickets', de: 'Von Tickets nicht genutzt' },
};

/** Display name of a `kb stale` reason code; unknown codes (new providers) show as the code itself. */
export function reasonName(lang: Lang, code: string): string {
  return reasonNames[code]?.[lang] ?? code;
}

/** Fills `{name}` placeholders of a UI string. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? String(values[key]) : match));
}

export function levelName(lang: Lang, level: Level): string {
  return levelNames[level][lang];
}

export function levelHint(lang: Lang, level: Level): string {
  return levelHints[level][lang];
}

export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'de' : 'en';
}

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();
export function formatDate(lang: Lang, date: Date): string {
  // one formatter per language: creating one per call was a measurable part of building 5,000 pages
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(lang, format);
  }
  return format.format(date);
}
