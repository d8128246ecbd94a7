import type { Lang } from '../levels.ts';
import type { StaleReason, StaleWarning } from './reason.ts';

/**
 * The one home of what a `kb stale` reason says, in English and German. A provider builds a reason
 * from its code and structured details (`staleReason`); the English sentence becomes `message`
 * (CLI, JSON, pull-request comment) and the health page renders the same details in the page's
 * language (`reasonMessage`). A reason of an unknown code (a provider from outside) keeps its own
 * English `message`.
 */

/** An end of support: a day (ISO), `true` (ended, day unknown) or `false` (supported). */
export type EndValue = string | boolean;

export interface ReasonDetails {
  'never-reviewed': Record<string, never>;
  'review-overdue': { reviewed: string; reviewEvery: number; due: string; overdueDays: number };
  'review-due': { reviewed: string; reviewEvery: number; due: string; dueInDays: number };
  'git-unchanged': { lastCommit: string; days: number; maxAgeDays: number };
  'translation-outdated':
    | { basis: 'reviewed'; source: string; reviewed: string; sourceReviewed: string; lagDays: number; maxLagDays: number }
    | { basis: 'git'; source: string; lastCommit: string; sourceLastCommit: string; lagDays: number; maxLagDays: number };
  'broken-link': { problem: 'missing' | 'draft'; url: string; target: string; path: string; line: number; column: number };
  'archived-linked': { target: string; title?: string; line: number; column: number };
  'product-eol': {
    product: string;
    version: string;
    eol: EndValue;
    source: string;
    /** Other listed versions are still supported: drop this one from the list. */
    othersSupported: boolean;
    path: string;
    line?: number;
    column?: number;
    link?: string;
  };
  'eol-soon': {
    /** The version whose support ends last: the day the article goes out of date. */
    version: string;
    eol: string;
    inDays: number;
    /** Other versions it is about that are still supported today (they end earlier). */
    others: string[];
    path: string;
    line?: number;
    column?: number;
  };
  'mentions-eol': {
    where: 'title' | 'body';
    path: string;
    line: number;
    column: number;
    count: number;
    /** `means`: the release a name without a version stands for (`Microsoft Office Button` -> `Microsoft Office 2007`). */
    mentions: { text: string; product: string; line: number; column: number; eol: EndValue; means?: string }[];
  };
  unhelpful: { yes: number; no: number; votes: number; helpfulRate: number; threshold: number; reviewed?: string };
  'ticket-escalations': { tickets: string[]; reviewed?: string };
  'ticket-reopened': { tickets: string[]; reviewed?: string };
  unused: { tickets: number; unusedDays: number; last?: string };
}

export type ReasonCode = keyof ReasonDetails;
type Texts = { [C in ReasonCode]: Record<Lang, (d: ReasonDetails[C]) => string> };

/** `2020-01-14` in German reads `14.01.2020`; English keeps the ISO day. */
function day(lang: Lang, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return lang === 'de' && m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function ids(tickets: string[]): string {
  return tickets.slice(0, 5).join(', ') + (tickets.length > 5 ? ', …' : '');
}

/** `reached end of support on 2020-10-13`, after the product's name. */
function endEn(eol: EndValue): string {
  return eol === true ? 'is past its end of support' : eol === false ? 'is supported' : `reached end of support on ${eol}`;
}

/** German has the verb at the end: `deren Support am 13.10.2020 endete`. */
function endDeRelative(eol: EndValue): string {
  return eol === true ? 'deren Support beendet ist' : eol === false ? 'die unterstützt wird' : `deren Support am ${day('de', eol)} endete`;
}

function endDeSentence(name: string, eol: EndValue): string {
  return eol === true
    ? `der Support für ${name} ist beendet`
    : eol === false
      ? `${name} wird unterstützt`
      : `der Support für ${name} endete am ${day('de', eol)}`;
}

/** A mention as written, with the release it stands for: `Microsoft Office Button (Microsoft Office 2007)`. */
function mentionName(m: { text: string; means?: string }): string {
  return m.means ? `${m.text} (${m.means})` : m.text;
}

function shown(names: string[], more: (n: number) => string): string {
  return names.slice(0, 3).join(', ') + (names.length > 3 ? ` ${more(names.length - 3)}` : '');
}

const at = (d: { path: string; line?: number | undefined; column?: number | undefined }) =>
  d.line === undefined ? '' : ` (${d.path}:${d.line}:${d.column ?? 1})`;

const texts: Texts = {
  'never-reviewed': {
    en: () => 'Never reviewed: the frontmatter has no `reviewed` date.',
    de: () => 'Nie geprüft: Im Frontmatter fehlt das Datum `reviewed`.',
  },
  'review-overdue': {
    en: (d) => `Review overdue by ${plural(d.overdueDays, 'day', 'days')} (due ${d.due}; reviewed ${d.reviewed}, review every ${d.reviewEvery} days).`,
    de: (d) =>
      `Prüfung seit ${plural(d.overdueDays, 'Tag', 'Tagen')} überfällig (fällig am ${day('de', d.due)}; geprüft am ${day('de', d.reviewed)}, Prüfung alle ${d.reviewEvery} Tage).`,
  },
  'review-due': {
    en: (d) =>
      `Review due ${d.dueInDays === 0 ? 'today' : `in ${plural(d.dueInDays, 'day', 'days')}`} (${d.due}; reviewed ${d.reviewed}, review every ${d.reviewEvery} days).`,
    de: (d) =>
      `Prüfung ${d.dueInDays === 0 ? 'heute' : `in ${plural(d.dueInDays, 'Tag', 'Tagen')}`} fällig (${day('de', d.due)}; geprüft am ${day('de', d.reviewed)}, Prüfung alle ${d.reviewEvery} Tage).`,
  },
  'git-unchanged': {
    en: (d) => `File not changed in git for ${d.days} days (last commit ${d.lastCommit}, threshold ${d.maxAgeDays} days).`,
    de: (d) => `Datei seit ${d.days} Tagen in Git unverändert (letzter Commit am ${day('de', d.lastCommit)}, Schwelle ${d.maxAgeDays} Tage).`,
  },
  'translation-outdated': {
    en: (d) =>
      d.basis === 'reviewed'
        ? `Translation reviewed ${d.reviewed}, ${d.lagDays} days before its source ${d.source} (reviewed ${d.sourceReviewed}); threshold ${d.maxLagDays} days.`
        : `Translation last changed in git ${d.lastCommit}, ${d.lagDays} days before its source ${d.source} (${d.sourceLastCommit}); threshold ${d.maxLagDays} days.`,
    de: (d) =>
      d.basis === 'reviewed'
        ? `Übersetzung am ${day('de', d.reviewed)} geprüft, ${d.lagDays} Tage vor ihrer Quelle ${d.source} (geprüft am ${day('de', d.sourceReviewed)}); Schwelle ${d.maxLagDays} Tage.`
        : `Übersetzung zuletzt am ${day('de', d.lastCommit)} in Git geändert, ${d.lagDays} Tage vor ihrer Quelle ${d.source} (${day('de', d.sourceLastCommit)}); Schwelle ${d.maxLagDays} Tage.`,
  },
  'broken-link': {
    en: (d) =>
      `Links to ${d.target}, which ${d.problem === 'draft' ? 'is a draft and not published' : 'does not exist'} (${d.url} at ${d.path}:${d.line}:${d.column}).`,
    de: (d) =>
      `Verweist auf ${d.target}, ${d.problem === 'draft' ? 'einen noch nicht veröffentlichten Entwurf' : 'das es nicht gibt'} (${d.url} in ${d.path}:${d.line}:${d.column}).`,
  },
  'archived-linked': {
    en: (d) => `Links to archived article ${d.target}${d.title ? ` "${d.title}"` : ''} (line ${d.line}); link its successor or remove the link.`,
    de: (d) =>
      `Verweist auf den archivierten Artikel ${d.target}${d.title ? ` „${d.title}“` : ''} (Zeile ${d.line}); auf den Nachfolger verweisen oder den Link entfernen.`,
  },
  'product-eol': {
    en: (d) =>
      `Applies to ${d.version}, which ${endEn(d.eol)}${d.othersSupported ? '; other listed versions are still supported, so remove it from the list' : ''}${at(d)}.`,
    de: (d) =>
      `Gilt für ${d.version}, ${endDeRelative(d.eol)}${d.othersSupported ? '; andere aufgeführte Versionen werden noch unterstützt, also diese aus der Liste nehmen' : ''}${at(d)}.`,
  },
  'eol-soon': {
    en: (d) =>
      `Support for ${d.version}${d.others.length ? ` (and ${shown(d.others, (n) => `${n} more`)})` : ''} ends on ${d.eol}, in ${plural(d.inDays, 'day', 'days')}, and the article is about nothing supported longer: rewrite it for a current version or plan its retirement${at(d)}.`,
    de: (d) =>
      `Der Support für ${d.version}${d.others.length ? ` (und ${shown(d.others, (n) => `${n} weitere`)})` : ''} endet am ${day('de', d.eol)}, in ${plural(d.inDays, 'Tag', 'Tagen')}, und der Artikel behandelt nichts länger Unterstütztes: für eine aktuelle Version neu schreiben oder die Archivierung planen${at(d)}.`,
  },
  'mentions-eol': {
    en: (d) => {
      const names = shown([...new Set(d.mentions.map((m) => m.text))], (n) => `and ${n} more`);
      const first = d.mentions[0]!;
      const lead = d.where === 'body' ? `Only mentions ${names} (${d.count}×)` : `About ${names}`;
      return `${lead}: ${mentionName(first)} ${endEn(first.eol)}${at(d)}.`;
    },
    de: (d) => {
      const names = shown([...new Set(d.mentions.map((m) => m.text))], (n) => `und ${n} weitere`);
      const first = d.mentions[0]!;
      const lead = d.where === 'body' ? `Erwähnt nur ${names} (${d.count}×)` : `Behandelt ${names}`;
      return `${lead}: ${endDeSentence(mentionName(first), first.eol)}${at(d)}.`;
    },
  },
  unhelpful: {
    en: (d) =>
      `Only ${d.yes} of ${d.votes} readers (${Math.round(d.helpfulRate * 100)}%) said this article solved their problem ${d.reviewed ? `since its review on ${d.reviewed}` : 'and it was never reviewed'} (below ${Math.round(d.threshold * 100)}%).`,
    de: (d) =>
      `Nur ${d.yes} von ${d.votes} Lesern (${Math.round(d.helpfulRate * 100)} %) sagten ${d.reviewed ? `seit der Prüfung am ${day('de', d.reviewed)}` : '(der Artikel wurde nie geprüft)'}, dass dieser Artikel ihr Problem gelöst hat (unter ${Math.round(d.threshold * 100)} %).`,
  },
  'ticket-escalations': {
    en: (d) => `${ticketsUsing(d.tickets.length)} escalated ${sinceEn(d.reviewed)} (${ids(d.tickets)}).`,
    de: (d) => `${ticketsUsingDe(d.tickets.length)} ${sinceDe(d.reviewed)} eskaliert (${ids(d.tickets)}).`,
  },
  'ticket-reopened': {
    en: (d) => `${ticketsUsing(d.tickets.length)} reopened ${sinceEn(d.reviewed)} (${ids(d.tickets)}).`,
    de: (d) => `${ticketsUsingDe(d.tickets.length)} ${sinceDe(d.reviewed)} wieder geöffnet (${ids(d.tickets)}).`,
  },
  unused: {
    en: (d) => `No ticket in the export used this article in the last ${d.unusedDays} days${d.last ? ` (last: ${d.last})` : ''}.`,
    de: (d) => `Kein Ticket im Export hat diesen Artikel in den letzten ${d.unusedDays} Tagen genutzt${d.last ? ` (zuletzt: ${day('de', d.last)})` : ''}.`,
  },
};

function ticketsUsing(n: number): string {
  return `${plural(n, 'ticket', 'tickets')} using this article ${n === 1 ? 'was' : 'were'}`;
}
function ticketsUsingDe(n: number): string {
  return `${plural(n, 'Ticket', 'Tickets')} mit diesem Artikel ${n === 1 ? 'wurde' : 'wurden'}`;
}
const sinceEn = (reviewed?: string) => (reviewed ? `since its review on ${reviewed}` : 'and it was never reviewed');
const sinceDe = (reviewed?: string) => (reviewed ? `seit der Prüfung am ${day('de', reviewed)}` : '(nie geprüft)');

function isKnown(code: string): code is ReasonCode {
  return Object.hasOwn(texts, code);
}

/** Builds a reason: its English `message` comes from the same text table the health page uses. */
export function staleReason<C extends ReasonCode>(code: C, severity: StaleReason['severity'], details: ReasonDetails[C]): StaleReason {
  const reason: StaleReason = { code, message: texts[code].en(details), severity };
  if (Object.keys(details).length) reason.details = details as Record<string, unknown>;
  return reason;
}

/** What a reason says in `lang`; reasons of codes this table does not know keep their English message. */
export function reasonMessage(lang: Lang, reason: StaleReason): { text: string; lang: Lang } {
  if (!isKnown(reason.code)) return { text: reason.message, lang: 'en' };
  const render = texts[reason.code][lang] as (d: unknown) => string;
  return { text: render(reason.details ?? {}), lang };
}

// Run-level warnings: the same split between code + details and the sentence in each language.
export interface WarningDetails {
  'git-off': Record<string, never>;
  'git-unavailable': { cause: 'no-git' | 'not-a-repository'; dir: string };
  'git-shallow': { unknownFiles: number };
  'lifecycle-missing': { dir: string };
  'lifecycle-unknown-version': { versions: string[] };
}
type WarningCode = keyof WarningDetails;
type WarningTexts = { [C in WarningCode]: Record<Lang, (d: WarningDetails[C]) => string> };

const warningTexts: WarningTexts = {
  'git-off': {
    en: () => 'Git history not read (--no-git): git-unchanged and the git half of translation-outdated were not checked.',
    de: () => 'Git-Historie nicht gelesen (--no-git): git-unchanged und der Git-Teil von translation-outdated wurden nicht geprüft.',
  },
  'git-unavailable': {
    en: (d) =>
      `Git history not available (${d.cause === 'no-git' ? 'git is not installed' : `${d.dir} is not inside a git repository`}); the git-unchanged rule was skipped.`,
    de: (d) =>
      `Git-Historie nicht verfügbar (${d.cause === 'no-git' ? 'git ist nicht installiert' : `${d.dir} liegt in keinem Git-Repository`}); die Regel git-unchanged wurde übersprungen.`,
  },
  'git-shallow': {
    en: (d) =>
      `Shallow git clone: ${plural(d.unknownFiles, 'file has', 'files have')} no known last change and the git-unchanged rule cannot judge them. ` +
      'Fetch the full history (git fetch --unshallow; in CI, actions/checkout with fetch-depth: 0).',
    de: (d) =>
      `Flacher Git-Klon: Für ${plural(d.unknownFiles, 'Datei', 'Dateien')} ist die letzte Änderung unbekannt, die Regel git-unchanged kann sie nicht beurteilen. ` +
      'Die ganze Historie holen (git fetch --unshallow; in CI actions/checkout mit fetch-depth: 0).',
  },
  'lifecycle-missing': {
    en: (d) => `No lifecycle data in ${d.dir}: product-eol uses only eol dates in taxonomy.yaml and mentions-eol is off (see docs/lifecycle.md).`,
    de: (d) => `Keine Lebenszyklusdaten in ${d.dir}: product-eol nutzt nur die eol-Daten aus taxonomy.yaml, mentions-eol ist aus (siehe docs/lifecycle.md).`,
  },
  'lifecycle-unknown-version': {
    en: (d) =>
      `${d.versions.length} taxonomy ${d.versions.length === 1 ? 'version has' : 'versions have'} no known end of support (${d.versions.join('; ')}): add an eol in taxonomy.yaml or the product to content/lifecycle/local.yaml.`,
    de: (d) =>
      `${d.versions.length} ${d.versions.length === 1 ? 'Version der Taxonomie hat' : 'Versionen der Taxonomie haben'} kein bekanntes Supportende (${d.versions.join('; ')}): ein eol in taxonomy.yaml oder das Produkt in content/lifecycle/local.yaml ergänzen.`,
  },
};

export function staleWarning<C extends WarningCode>(code: C, details: WarningDetails[C]): StaleWarning {
  const warning: StaleWarning = { code, message: warningTexts[code].en(details) };
  if (Object.keys(details).length) warning.details = details as Record<string, unknown>;
  return warning;
}

/** What a run-level warning says in `lang`; unknown codes keep their English message. */
export function warningMessage(lang: Lang, warning: StaleWarning): { text: string; lang: Lang } {
  if (!Object.hasOwn(warningTexts, warning.code)) return { text: warning.message, lang: 'en' };
  const render = warningTexts[warning.code as WarningCode][lang] as (d: unknown) => string;
  return { text: render(warning.details ?? {}), lang };
}
