import { markdownCode, markdownText, noWorkflowCommands, textLine } from '../escape.ts';
import type { FileInfo } from '../tickets/types.ts';
import type { GapsReport } from './analyse.ts';
import type { Gap } from './gap.ts';
import { HEAD } from './tail-topics.ts';

function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

/** Who resolved a topic's tickets: "L1 3, L2 5, level not in export 32". */
function levels(counts: Record<string, number>): string {
  return ['1', '2', '3', 'unknown']
    .filter((k) => counts[k])
    .map((k) => (k === 'unknown' ? `level not in export ${counts[k]}` : `L${k} ${counts[k]}`))
    .join(', ');
}

/** The parts of a gap line that the export can say something about; a count of 0 is left out. */
function facts(gap: Gap): string {
  return [
    `${gap.tickets} tickets`,
    `resolved at: ${levels(gap.levels)}`,
    gap.escalated ? `${gap.escalated} escalated` : '',
    gap.reopened ? `${gap.reopened} reopened` : '',
    gap.urgent ? `${gap.urgent} urgent` : '',
    gap.medianHoursToResolve !== undefined ? `median ${gap.medianHoursToResolve} h to resolve` : '',
    `effort ×${gap.effort}`,
    gap.nearArticle && gap.nearArticle.share >= NEAR_SHOWN ? `${percent(gap.nearArticle.share)} near ${textLine(gap.nearArticle.article)}` : '',
    `score ${gap.score}`,
  ]
    .filter(Boolean)
    .join('; ');
}

/** The line above the first gap after the leading ones (`Gap.broader`). */
const BROADER = 'broader topics of the tickets the leading gaps do not hold';

// below this share an article that a few of a topic's tickets come close to is noise, not news
const NEAR_SHOWN = 0.2;

/** What every part of a gap line means (printed under the list). */
export const LEGEND = [
  'How to read a gap:',
  "  topic         one or two phrases as the tickets' titles spell them; keywords are the topic's main words",
  '  tickets       unknown tickets (no article matched) in this topic',
  '  resolved at   the level that resolved them (L1, L2, L3); "level not in export" when the export has no level or queue column',
  '  escalated     tickets handed to another group or resolved above level 1',
  '  reopened      tickets reopened at least once',
  '  urgent        tickets of high or very high priority',
  '  effort        how much a ticket of this topic costs against a plain one (1): ×(1 + escalated share) ×(1 + reopened share)',
  '                ×(1 + median hours to resolve / 240) ×2^((mean priority − 3) / 2); a factor is 1 where the export lacks its column',
  '  near          share of the tickets that come close to an article without matching it (at least half the match',
  '                threshold): check whether that article answers them and why they did not find it',
  '  score         tickets × effort × (1 − near share): the order of this list; topics an article almost answers come later',
  `  broader       after the leading ${HEAD} gaps: topics of the remaining tickets, joined more loosely (one article may not`,
  '                answer all of one); ordered by score among themselves',
  '  other         unknown tickets in no gap above: in smaller topics (a topic needs --min-tickets tickets), or like no',
  '                topic (their words are too unlike every topic: cosine below 0.15, or fewer than two words)',
];

/** The columns a file was read from, for the user to check (`--map field=Column` corrects one). */
function columnsOf(file: FileInfo): string {
  const used = Object.entries(file.columns ?? {}).map(([field, column]) => `${field} ← ${column}`);
  return `${used.join(', ')}${file.unused?.length ? `; not used: ${file.unused.join(', ')}` : ''}`;
}

function mapping(file: FileInfo): string[] {
  if (!file.columns) return [];
  // column names come from the export: one line, escaped like every value
  return [`    columns: ${textLine(columnsOf(file))}`];
}

/** `cell-too-large 2, bad-date 1`: every rejection counted by its rule, most frequent first. */
function byRule(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([rule, n]) => `${rule} ${n}`)
    .join(', ');
}

/** The JSON contract of docs/gaps.md (and ../shared/DESIGN.md): no ticket text beyond redacted examples. */
export function toJson(report: GapsReport): string {
  return JSON.stringify(report, null, 2);
}

export function formatText(report: GapsReport, limit = 15): string {
  const t = report.tickets;
  const lines = [
    `Tickets: read ${t.read} = accepted ${t.accepted} + rejected ${t.rejected} (${t.tickets} distinct tickets from ${t.files.length} file(s))`,
    ...t.files.flatMap((f) => [
      `  ${textLine(f.file)}: ${f.format}, ${f.encoding}${f.preset ? `, preset ${f.preset}` : ''}${f.threads ? `, read by ${f.threads} threads at once` : ''}: ${f.accepted} accepted, ${f.rejected} rejected`,
      ...mapping(f),
    ]),
    ...(t.rejectionsTotal ? [`  rejected by rule: ${textLine(byRule(t.rejectionsByRule))}`] : []),
    ...t.problems.map((p) => `  ${textLine(p.file)}:${p.line}: ${textLine(p.reason)} [${p.rule}]`),
    ...t.rejections.slice(0, 10).map((r) => `  ${textLine(r.file)}:${r.line}: ${textLine(r.reason)} [${r.rule}]`),
    ...(t.rejectionsTotal > 10 ? [`  … and ${t.rejectionsTotal - 10} more rejections (see --format json)`] : []),
    '',
    `Articles: ${report.articles}. Tickets with an article: ${percent(report.metrics.linkRate)} (known ${report.classification.known}, new ${report.classification.new}, unknown ${report.classification.unknown}).`,
    `Matched by: ticket field ${report.matchedBy['ticket-field']}, article tickets list ${report.matchedBy['article-tickets']}, error code ${report.matchedBy['error-code']}, text ${report.matchedBy.text}.`,
    '',
    gapsHeadline(report),
  ];
  report.gaps.slice(0, limit).forEach((gap, i) => {
    if (gap.broader && !report.gaps[i - 1]?.broader) lines.push(`     ${BROADER}:`);
    lines.push(`${String(i + 1).padStart(3)}. ${textLine(gap.label)}: ${facts(gap)}`);
    lines.push(`     keywords: ${textLine(gap.keywords.join(', '))}; e.g. "${textLine(gap.examples[0] ?? '')}"`);
  });
  if (report.gaps.length > limit) lines.push(`     … ${report.gaps.length - limit} more gaps (--limit ${report.gaps.length} or --format json lists them)`);
  if (report.other.tickets) lines.push(`     other: ${report.other.tickets} tickets in no gap above (${otherParts(report)})`);
  if (report.gaps.length) lines.push('', ...LEGEND);
  lines.push('', `Shift left (${report.shiftLeft.length}):`);
  for (const s of report.shiftLeft.slice(0, limit)) lines.push(`  ${textLine(s.article)} (L${s.level}, ${s.audience}): ${textLine(s.message)}`);
  if (report.evaluation)
    lines.push(
      '',
      `Cluster purity against the export's topic column: ${report.evaluation.purity} over ${report.evaluation.labelled} tickets in ${report.evaluation.clusters} clusters.`,
    );
  return noWorkflowCommands(lines.join('\n'));
}

/** "732 in 47 smaller topics, 1550 like no topic": why these tickets are in no gap. */
function otherParts(report: GapsReport): string {
  const { tickets, topics, unlike } = report.other;
  const smaller = tickets - unlike;
  return [
    ...(smaller ? [`${smaller} in ${topics ? `${topics} smaller topic${topics === 1 ? '' : 's'}` : 'topics under --min-tickets'}`] : []),
    ...(unlike ? [`${unlike} like no topic`] : []),
  ].join(', ');
}

/** "Gaps: 30 topics without an article hold 918 of 3166 unknown tickets (29%)". */
function gapsHeadline(report: GapsReport): string {
  const unknown = report.classification.unknown;
  const held = unknown - report.other.tickets;
  return `Gaps: ${report.gaps.length} topics without an article hold ${held} of ${unknown} unknown tickets (${percent(unknown ? held / unknown : 0)}), most important first:`;
}

/** For a pull-request comment: every value from tickets, exports and articles escaped (src/lib/escape.ts). */
export function formatMarkdown(report: GapsReport, limit = 15): string {
  const t = report.tickets;
  const lines = [
    '## Knowledge gaps',
    '',
    `**Tickets:** read ${t.read} = accepted ${t.accepted} + rejected ${t.rejected}. **With an article:** ${percent(report.metrics.linkRate)} (known ${report.classification.known}, new ${report.classification.new}, unknown ${report.classification.unknown}).`,
    '',
    gapsHeadline(report),
    '',
    '| # | topic | tickets | resolved at | escalated | reopened | urgent | median hours to resolve | effort | near an article | score | keywords |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...report.gaps
      .slice(0, limit)
      .map(
        (g, i) =>
          `${g.broader && !report.gaps[i - 1]?.broader ? `| | **${BROADER}** | | | | | | | | | | |\n` : ''}| ${i + 1} | ${markdownText(g.label)} | ${g.tickets} | ${levels(g.levels)} | ${g.escalated} | ${g.reopened} | ${g.urgent} | ${g.medianHoursToResolve ?? '–'} | ×${g.effort} | ${g.nearArticle && g.nearArticle.share >= NEAR_SHOWN ? `${percent(g.nearArticle.share)} ${markdownCode(g.nearArticle.article)}` : '–'} | ${g.score} | ${markdownText(g.keywords.join(', '))} |`,
      ),
    ...(report.other.tickets ? [`| | other (${otherParts(report)}) | ${report.other.tickets} | | | | | | | | | |`] : []),
  ];
  if (report.gaps.length) lines.push('', '<details><summary>How to read this table</summary>', '', '```', ...LEGEND, '```', '', '</details>');
  const columns = t.files.flatMap(mapping);
  if (columns.length)
    lines.push(
      '',
      '<details><summary>Columns read from the export</summary>',
      '',
      ...t.files.map((f) => `- ${markdownCode(f.file)}: ${markdownText(columnsOf(f))}`),
      '',
      '</details>',
    );
  if (report.shiftLeft.length) {
    lines.push('', '### Shift left', '', '| article | level | audience | tickets at L2/L3 |', '|---|---|---|---|');
    for (const s of report.shiftLeft.slice(0, limit)) lines.push(`| ${markdownCode(s.article)} | ${s.level} | ${s.audience} | ${s.tickets} |`);
  }
  for (const p of t.problems) lines.push('', `**${markdownText(p.rule)}:** ${markdownCode(`${p.file}:${p.line}`)} ${markdownText(p.reason)}`);
  if (t.rejectionsTotal)
    lines.push(
      '',
      `<details><summary>${t.rejectionsTotal} rejected rows (${markdownText(byRule(t.rejectionsByRule))})</summary>`,
      '',
      ...t.rejections.slice(0, 20).map((r) => `- ${markdownCode(`${r.file}:${r.line}`)} ${markdownText(r.reason)} (${markdownText(r.rule)})`),
      '',
      '</details>',
    );
  return lines.join('\n');
}
