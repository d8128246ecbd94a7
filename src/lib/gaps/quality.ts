import type { GapsReport } from './analyse.ts';
import type { Features } from './ticket-matcher.ts';

/** How well the leading gaps match a label the export carries (a queue or category column). */
export interface TopicQuality {
  /** Unknown tickets with a label. */
  labelled: number;
  /** Share of the leading gaps' labelled tickets that carry their gap's majority label. */
  purity: number;
  /** The same over the first ten gaps: the ones an owner acts on first. */
  top10Purity: number;
  /** Distinct majority labels among the first ten gaps (ten when each names another topic). */
  top10Labels: number;
  /** Share of unknown tickets the leading gaps hold (the rest is `other`). */
  coverage: number;
  /** The first ten gaps: our label, size, and the majority label with its share. */
  top: { label: string; tickets: number; majority: string; share: number }[];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Purity of the report's gaps against the `topic` of the tickets it was made from (`matchTickets`). */
export function topicQuality(report: GapsReport, tickets: readonly Features[]): TopicQuality {
  const features = new Map(tickets.map((f) => [f.id, f]));
  let labelled = 0;
  let majoritySum = 0;
  let top10Labelled = 0;
  let top10Majority = 0;
  const top: TopicQuality['top'] = [];
  report.gaps.forEach((gap, i) => {
    const counts = new Map<string, number>();
    for (const id of gap.ticketIds) {
      const topic = features.get(id)?.topic;
      if (topic !== undefined) counts.set(topic, (counts.get(topic) ?? 0) + 1);
    }
    const n = [...counts.values()].reduce((a, b) => a + b, 0);
    const [majority, most] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? ['', 0];
    labelled += n;
    majoritySum += most;
    if (i < 10) {
      top10Labelled += n;
      top10Majority += most;
      top.push({ label: gap.label, tickets: gap.tickets, majority, share: n ? round(most / n) : 0 });
    }
  });
  const unknown = report.classification.unknown;
  return {
    labelled: [...features.values()].filter((f) => f.status === 'unknown' && f.topic !== undefined).length,
    purity: labelled ? round(majoritySum / labelled) : 0,
    top10Purity: top10Labelled ? round(top10Majority / top10Labelled) : 0,
    top10Labels: new Set(top.map((t) => t.majority)).size,
    coverage: unknown ? round((unknown - report.other.tickets) / unknown) : 0,
    top,
  };
}
