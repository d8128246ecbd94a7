import type { FileInfo } from '../tickets/types.ts';
import type { GapsReport } from './analyse.ts';

function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

function levels(counts: Record<string, number>): string {
  return ['1', '2', '3', 'unknown']
    .filter((k) => counts[k])
    .map((k) => `${k === 'unknown' ? '?' : `L${k}`} ${counts[k]}`)
    .join(', ');
}

/** The columns a file was read from, for the user to check (`--map field=Column` corrects one). */
function mapping(file: FileInfo): string[] {
  if (!file.columns) return [];
  const used = Object.entries(file.columns).map(([field, column]) => `${field} ← ${column}`);
  return [`    columns: ${used.join(', ')}${file.unused?.length ? `; not used: ${file.unused.join(', ')}` : ''}`];
}

/** The JSON contract of docs/gaps.md (and ../shared/DESIGN.md): no ticket text beyond redacted examples. */
export function toJson(report: GapsReport): string {
  const { features: _features, ...rest } = report;
  return JSON.stringify(rest, null, 2);
}

export function formatText(report: GapsReport, limit = 15): string {
  const t = report.tickets;
  const lines = [
    `Tickets: read ${t.read} = accepted ${t.accepted} + rejected ${t.rejected} (${t.tickets} distinct tickets from ${t.files.length} file(s))`,
    ...t.files.flatMap((f) => [`  ${f.file}: ${f.format}, ${f.encoding}${f.preset ? `, preset ${f.preset}` : ''}${f.threads ? `, read by ${f.threads} threads at once` : ''}: ${f.accepted} accepted, ${f.rejected} rejected`, ...mapping(f)]),
    ...t.problems.map((p) => `  ${p.file}:${p.line}: ${p.reason} [${p.rule}]`),
    ...t.rejections.slice(0, 10).map((r) => `  ${r.file}:${r.line}: ${r.reason} [${r.rule}]`),
    ...(t.rejectionsTotal > 10 ? [`  … and ${t.rejectionsTotal - 10} more rejections (see --format json)`] : []),
    '',
    `Articles: ${report.articles}. Tickets with an article: ${percent(report.metrics.linkRate)} (known ${report.classification.known}, new ${report.classification.new}, unknown ${report.classification.unknown}).`,
    `Matched by: ticket field ${report.matchedBy['ticket-field']}, article tickets list ${report.matchedBy['article-tickets']}, error code ${report.matchedBy['error-code']}, text ${report.matchedBy.text}.`,
    '',
    `Gaps (${report.gaps.length} topics without an article, most important first):`,
  ];
  report.gaps.slice(0, limit).forEach((gap, i) => {
    lines.push(`${String(i + 1).padStart(3)}. ${gap.label}: ${gap.tickets} tickets (${levels(gap.levels)}), ${gap.escalated} escalated${gap.medianHoursToResolve !== undefined ? `, median ${gap.medianHoursToResolve} h to resolve` : ''}`);
    lines.push(`     keywords: ${gap.keywords.join(', ')}; e.g. "${gap.examples[0] ?? ''}"`);
  });
  if (report.gaps.length > limit) lines.push(`     … ${report.gaps.length - limit} more (see --format json)`);
  lines.push('', `Shift left (${report.shiftLeft.length}):`);
  for (const s of report.shiftLeft.slice(0, limit)) lines.push(`  ${s.article} (L${s.level}, ${s.audience}): ${s.message}`);
  if (report.evaluation) lines.push('', `Cluster purity against the export's topic column: ${report.evaluation.purity} over ${report.evaluation.labelled} tickets in ${report.evaluation.clusters} clusters.`);
  return lines.join('\n');
}

/** For a pull-request comment. */
export function formatMarkdown(report: GapsReport, limit = 15): string {
  const t = report.tickets;
  const lines = [
    '## Knowledge gaps',
    '',
    `**Tickets:** read ${t.read} = accepted ${t.accepted} + rejected ${t.rejected}. **With an article:** ${percent(report.metrics.linkRate)} (known ${report.classification.known}, new ${report.classification.new}, unknown ${report.classification.unknown}).`,
    '',
    '| # | topic | tickets | levels | escalated | keywords |',
    '|---|---|---|---|---|---|',
    ...report.gaps.slice(0, limit).map((g, i) => `| ${i + 1} | ${g.label} | ${g.tickets} | ${levels(g.levels)} | ${g.escalated} | ${g.keywords.join(', ')} |`),
  ];
  if (report.shiftLeft.length) {
    lines.push('', '### Shift left', '', '| article | level | audience | tickets at L2/L3 |', '|---|---|---|---|');
    for (const s of report.shiftLeft.slice(0, limit)) lines.push(`| \`${s.article}\` | ${s.level} | ${s.audience} | ${s.tickets} |`);
  }
  if (t.rejectionsTotal) lines.push('', `<details><summary>${t.rejectionsTotal} rejected rows</summary>`, '', ...t.rejections.slice(0, 20).map((r) => `- \`${r.file}:${r.line}\` ${r.reason} (${r.rule})`), '', '</details>');
  return lines.join('\n');
}
