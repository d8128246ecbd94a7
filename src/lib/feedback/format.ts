import { markdownText, noWorkflowCommands, textLine } from '../escape.ts';
import type { FeedbackReport, QueryCount } from './summarise.ts';

export type FeedbackFormat = 'text' | 'markdown' | 'json';

const percent = (rate: number | undefined) => (rate === undefined ? '–' : `${Math.round(rate * 100)}%`);

function heading(report: FeedbackReport): string {
  const { events } = report;
  const period = report.since ? `${report.since} to ${report.today}` : `up to ${report.today}`;
  return `Feedback ${period}: ${events.counted} events (${events.byType.helpful} helpful answers, ${events.byType.search} searches, ${events.byType.contact} contact requests); read ${events.read}, rejected ${events.rejected}`;
}

export function formatFeedback(report: FeedbackReport, format: FeedbackFormat, limit = 20): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  return format === 'markdown' ? markdown(report, limit) : text(report, limit);
}

function text(report: FeedbackReport, limit: number): string {
  const lines = [heading(report), ''];
  lines.push(`Articles by helpful rate, least helpful first (${report.articles.length})`);
  if (!report.articles.length) lines.push('  none');
  else {
    lines.push('  helpful   yes    no  contacts  article');
    for (const a of report.articles.slice(0, limit)) {
      lines.push(
        `  ${percent(a.helpfulRate).padStart(7)} ${String(a.yes).padStart(5)} ${String(a.no).padStart(5)} ${String(a.contacts).padStart(9)}  ${textLine(a.id)}${a.title ? `  ${textLine(a.title)}` : ''}`,
      );
    }
    if (report.articles.length > limit) lines.push(`  … ${report.articles.length - limit} more (--limit, or --format json for all)`);
  }
  const queries = (title: string, list: QueryCount[]) => {
    lines.push('', `${title} (${list.length})`);
    if (!list.length) lines.push('  none');
    for (const q of list.slice(0, limit)) lines.push(`  ${String(q.count).padStart(5)}  ${textLine(q.query)} (${textLine(q.lang)})`);
    if (list.length > limit) lines.push(`  … ${list.length - limit} more`);
  };
  queries('Searches without results, most frequent first', report.zeroResults);
  queries('Searches whose results nobody opened', report.unclicked);
  lines.push('', `Contact requests: ${report.contacts.total} (${report.contacts.fromArticles} from articles, ${report.contacts.fromSearch} from searches)`);
  return noWorkflowCommands(`${lines.join('\n')}\n`);
}

/** Markdown cells hold untrusted query text: escaped like every report (src/lib/escape.ts). */
const cell = markdownText;

function markdown(report: FeedbackReport, limit: number): string {
  const lines = [`## Reader feedback`, '', heading(report), '', `### Articles by helpful rate (${report.articles.length})`, ''];
  if (!report.articles.length) lines.push('No votes or contact requests.');
  else {
    lines.push('| article | helpful | yes | no | contacts |', '| --- | ---: | ---: | ---: | ---: |');
    for (const a of report.articles.slice(0, limit))
      lines.push(`| ${cell(a.title ? `${a.title} (${a.id})` : a.id)} | ${percent(a.helpfulRate)} | ${a.yes} | ${a.no} | ${a.contacts} |`);
  }
  const queries = (title: string, list: QueryCount[]) => {
    lines.push('', `### ${title} (${list.length})`, '');
    if (!list.length) {
      lines.push('None.');
      return;
    }
    lines.push('| searches | query | language |', '| ---: | --- | --- |');
    for (const q of list.slice(0, limit)) lines.push(`| ${q.count} | ${cell(q.query)} | ${cell(q.lang)} |`);
  };
  queries('Searches without results', report.zeroResults);
  queries('Searches whose results nobody opened', report.unclicked);
  lines.push('', `Contact requests: ${report.contacts.total} (${report.contacts.fromArticles} from articles, ${report.contacts.fromSearch} from searches).`);
  return `${lines.join('\n')}\n`;
}
