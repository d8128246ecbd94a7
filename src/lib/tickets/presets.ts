import type { Field } from './types.ts';

/**
 * How rows that share a ticket id combine: `unique` rejects later duplicates, `latest` lets the
 * last row win (event logs such as ServiceNow's audit export), `concat` joins the text of all rows
 * (comment-level exports with one row per comment or utterance).
 */
export type RowMode = 'unique' | 'latest' | 'concat';

/** Column names of one ticket system's export. Names are compared trimmed and lower-cased. */
export interface Preset {
  name: string;
  /** Header sets that identify the export; the preset applies when every name of one set is present. */
  detect: string[][];
  columns: Partial<Record<Field, string[]>>;
  rows: RowMode;
  /** Order of day and month in numeric dates with slashes (`03/04/2026`). */
  slashDates: 'dmy' | 'mdy';
  /** Numeric priorities rise with urgency (OTRS: 5 very high); elsewhere 1 is the most urgent. */
  priorityRises?: boolean;
}

/**
 * Names most exports use, English and German; every preset falls back to these for fields it does
 * not name. Headers are compared in their compact form (see `compactHeader`), so `Ticket-Nr.`,
 * `Ticket Nr` and `ticketnr` are one name, as are `Erstellt am` and `erstellt_am`.
 */
const GENERIC: Partial<Record<Field, string[]>> = {
  id: [
    'id',
    'ticket id',
    'ticket',
    'key',
    'number',
    'case id',
    'case number',
    'incident',
    'ticket number',
    'ticket nr',
    'ticketnummer',
    'vorgangsnummer',
    'vorgangs nr',
    'vorgang',
    'meldungsnummer',
    'meldungs nr',
    'fallnummer',
    'anfragenummer',
    'nummer',
    'nr',
  ],
  title: ['title', 'subject', 'summary', 'short description', 'betreff', 'titel', 'kurzbeschreibung', 'zusammenfassung', 'thema'],
  body: ['body', 'description', 'text', 'document', 'message', 'content', 'beschreibung', 'problembeschreibung', 'nachricht', 'inhalt', 'anfrage'],
  comments: ['comments', 'comment', 'kommentar', 'kommentare', 'notizen', 'arbeitsnotizen', 'verlauf'],
  resolution: ['resolution', 'solution', 'close notes', 'resolution notes', 'lösung', 'loesung', 'lösungsbeschreibung', 'abschlussnotiz', 'abschlusskommentar'],
  status: ['status', 'state', 'zustand'],
  group: ['group', 'queue', 'team', 'assignment group', 'gruppe', 'warteschlange', 'zuständige gruppe', 'bearbeitergruppe', 'zugewiesene gruppe'],
  level: ['level', 'tier', 'support level', 'stufe', 'supportstufe', 'ebene'],
  priority: ['priority', 'urgency', 'severity', 'priorität', 'prioritaet', 'prio', 'dringlichkeit'],
  opened: [
    'created',
    'created at',
    'opened',
    'opened at',
    'date',
    'creation date',
    'erstellt',
    'erstellt am',
    'erstelldatum',
    'angelegt',
    'angelegt am',
    'eröffnet',
    'eröffnet am',
    'erfasst am',
    'eingang',
    'eingegangen am',
    'datum',
  ],
  resolved: [
    'resolved',
    'resolved at',
    'closed',
    'closed at',
    'solved at',
    'gelöst',
    'gelöst am',
    'geschlossen',
    'geschlossen am',
    'erledigt am',
    'abgeschlossen am',
    'lösungsdatum',
  ],
  hours: [
    'hours to resolve',
    'time to resolve',
    'resolution time',
    'resolution hours',
    'lösungszeit',
    'bearbeitungszeit',
    'lösungsdauer',
    'bearbeitungsdauer',
    'dauer (h)',
    'stunden',
  ],
  product: ['product', 'service', 'component', 'produkt', 'dienst', 'anwendung', 'komponente'],
  escalations: ['escalations', 'reassignment count', 'reassignments', 'eskalationen', 'weiterleitungen', 'anzahl weiterleitungen'],
  reopened: ['reopened', 'reopen count', 'reopens', 'wiedereröffnet', 'wieder geöffnet', 'wiedereröffnungen'],
  articles: ['article', 'articles', 'kb', 'kb article', 'knowledge article', 'artikel', 'wissensartikel'],
  knowledge: ['knowledge'],
  topic: ['topic', 'topic group', 'category', 'kategorie', 'themengebiet'],
  lang: ['lang', 'language', 'sprache'],
  tags: ['tags', 'labels', 'schlagwörter', 'schlagworte', 'stichwörter'],
  // every one of these present is read (not just the first): their values are redacted from the text
  people: [
    'requester',
    'requester name',
    'requester email',
    'requester - requester',
    'requested by',
    'requested for',
    'submitter',
    'reporter',
    'creator',
    'author',
    'caller',
    'caller_id',
    'caller id',
    'opened_by',
    'opened by',
    'contact',
    'customer',
    'customer user',
    'customer name',
    'kunde',
    'kundenbenutzer',
    'anrufer',
    'ansprechpartner',
    'assignee',
    'assigned to',
    'assigned_to',
    'assigned to - technician',
    'agent',
    'technician',
    'owner',
    'responsible',
    'resolved_by',
    'resolved by',
    'closed_by',
    'closed by',
    'bearbeiter',
    'besitzer',
    'verantwortlicher',
    'techniker',
  ],
};

/** Presets in detection order: the more specific exports first. */
export const PRESETS: readonly Preset[] = [
  {
    name: 'jira-comments',
    detect: [['issueid', 'actionbody']],
    columns: { id: ['issueid'], body: ['actionbody'], opened: ['created'] },
    rows: 'concat',
    slashDates: 'dmy',
  },
  {
    name: 'servicenow',
    detect: [
      ['number', 'short_description'],
      ['number', 'assignment_group'],
      ['number', 'incident_state'],
      ['number', 'short description'],
      ['number', 'assignment group'],
    ],
    columns: {
      id: ['number'],
      title: ['short_description', 'short description'],
      body: ['description'],
      comments: ['comments_and_work_notes', 'comments', 'additional comments', 'work_notes', 'work notes'],
      resolution: ['close_notes', 'close notes', 'resolution notes'],
      status: ['incident_state', 'state', 'incident state'],
      group: ['assignment_group', 'assignment group'],
      opened: ['opened_at', 'opened'],
      resolved: ['resolved_at', 'resolved'],
      escalations: ['reassignment_count', 'reassignment count'],
      reopened: ['reopen_count', 'reopen count'],
      knowledge: ['knowledge'],
      topic: ['category'],
      product: ['cmdb_ci', 'configuration item', 'business_service', 'business service'],
    },
    rows: 'latest',
    slashDates: 'mdy',
  },
  {
    name: 'jira',
    detect: [['issue key', 'summary']],
    columns: {
      id: ['issue key'],
      title: ['summary'],
      body: ['description'],
      comments: ['comment'],
      resolution: ['resolution'],
      group: ['queue', 'assignee group', 'team', 'component/s'],
      opened: ['created'],
      resolved: ['resolved'],
      product: ['project name', 'component/s'],
      topic: ['customer request type', 'request type'],
      tags: ['labels'],
    },
    rows: 'unique',
    slashDates: 'dmy',
  },
  {
    name: 'zendesk',
    detect: [
      ['id', 'subject', 'requester'],
      ['id', 'subject', 'solved at'],
    ],
    columns: {
      id: ['id'],
      title: ['subject'],
      group: ['group'],
      opened: ['created at'],
      resolved: ['solved at'],
      reopened: ['reopens'],
      product: ['brand', 'product'],
    },
    rows: 'unique',
    slashDates: 'mdy',
  },
  {
    name: 'freshdesk',
    detect: [
      ['ticket id', 'created time'],
      ['ticket id', 'subject', 'agent'],
    ],
    columns: { id: ['ticket id'], title: ['subject'], opened: ['created time'], resolved: ['resolved time', 'closed time'], topic: ['type', 'category'] },
    rows: 'unique',
    slashDates: 'mdy',
  },
  {
    name: 'otrs',
    detect: [['ticket#'], ['ticketnummer'], ['ticketnr.'], ['ticketnr']],
    columns: {
      id: ['ticket#', 'ticketnummer', 'ticketnr.', 'ticketnr'],
      title: ['titel', 'title', 'betreff', 'subject'],
      body: ['beschreibung', 'artikel', 'text', 'body', 'description'],
      group: ['queue'],
      opened: ['erstellt', 'created', 'erstellzeit', 'angelegt'],
      priority: ['priorität', 'priority'],
      resolved: ['geschlossen', 'closed', 'gelöst', 'close time', 'schließzeit'],
      topic: ['typ', 'type'],
      product: ['service'],
      articles: ['wissensartikel', 'faq'],
    },
    rows: 'unique',
    slashDates: 'dmy',
    priorityRises: true,
  },
  {
    name: 'glpi',
    detect: [
      ['id', 'title', 'opening date'],
      ['id', 'titre', "date d'ouverture"],
    ],
    columns: {
      id: ['id'],
      title: ['title', 'titre'],
      resolution: ['solution', 'solution - solution'],
      status: ['status', 'statut'],
      group: ['assigned to - technician group', 'assigned to - group', 'attribué à - groupe de techniciens', 'attribué à - groupe'],
      opened: ['opening date', "date d'ouverture"],
      resolved: ['resolution date', 'date de résolution', 'closing date'],
      topic: ['category', 'catégorie'],
      product: ['associated element', 'élément associé'],
    },
    rows: 'unique',
    slashDates: 'dmy',
  },
  { name: 'generic', detect: [], columns: {}, rows: 'unique', slashDates: 'mdy' },
];

/** The preset's own names first, then the generic names, each in its compact form. */
export function candidatesFor(preset: Preset, field: Field): string[] {
  return [...new Set([...(preset.columns[field] ?? []), ...(GENERIC[field] ?? [])].map(compactHeader))];
}

export function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/**
 * A header without case, spaces, punctuation or a unit in brackets, for matching synonyms:
 * `Ticket-Nr.`, `Erstellt am`, `created_at`, `Dauer (h)` → `ticketnr`, `erstelltam`, `createdat`,
 * `dauer`. `#` stays (OTRS `Ticket#`).
 */
export function compactHeader(name: string): string {
  return normaliseHeader(name)
    .replace(/\s*\([^)]*\)$/, '')
    .replace(/[^\p{L}\p{N}#]+/gu, '');
}

/** Detects the preset from header names; `generic` when none matches. */
export function detectPreset(headers: readonly string[]): Preset {
  const names = new Set(headers.map(normaliseHeader));
  const found = PRESETS.find((preset) => preset.detect.some((set) => set.every((name) => names.has(name))));
  return found ?? (PRESETS.at(-1) as Preset);
}

/** The preset a user named (`--preset`); undefined when none was named, an error for an unknown name. */
export function presetByName(name: string | undefined): Preset | undefined {
  if (name === undefined) return undefined;
  const found = PRESETS.find((preset) => preset.name === name.toLowerCase());
  if (!found) throw new Error(`Unknown preset "${name}", expected one of ${PRESETS.map((p) => p.name).join(', ')}`);
  return found;
}
