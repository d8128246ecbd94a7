import type { TargetData } from './frontmatter.ts';
import type { IssueSink } from './issues.ts';
import { bulkDays, bulkThreshold, type SourceHistory } from './source-history.ts';

/** What `kb import` did about review dates, for the report. */
export interface ReviewDateSummary {
  /** Where per-file history came from: `git`, `file-history` (FILE_HISTORY.csv) or `none`. */
  history: SourceHistory['kind'];
  historyNote: string;
  /** Files sharing one day before it counts as a bulk edit. */
  threshold: number;
  /** Mapped `reviewed` days that many files share (bulk edits), with their file counts. */
  bulk: { day: string; files: number }[];
  /** Files whose `reviewed` now comes from the source's history. */
  fromHistory: number;
  /** Files left without `reviewed` (kb stale: never-reviewed) because no honest date is known. */
  cleared: number;
}

interface Item {
  /** Absolute source path. */
  path: string;
  data: TargetData;
  sink: IssueSink;
}

/**
 * Makes imported `reviewed` days honest. A day that many files share (`ms.date` set in one bulk
 * edit) says nothing about a review, and neither does a commit day on which many files changed.
 * A file whose mapped date is such a bulk day gets its newest change in the source history on a
 * day that was not a bulk day; without one, `reviewed` is removed, so `kb stale` says "never
 * reviewed" instead of trusting a bulk date. Dates that are not bulk, and missing ones, are left
 * as they are. Every change is an info issue on its file.
 */
export function honestReviewDates(items: Item[], history: SourceHistory): ReviewDateSummary {
  const threshold = bulkThreshold(items.length);
  const mapped = items.map((i) => (typeof i.data['reviewed'] === 'string' ? (i.data['reviewed'] as string) : undefined));
  const bulkMapped = bulkDays(mapped, threshold);
  const changes = items.map((i) => history.files.get(i.path)?.days ?? []);
  const bulkChanged = bulkDays(changes.flat(), threshold);
  const counts = new Map<string, number>();
  for (const day of mapped) if (day && bulkMapped.has(day)) counts.set(day, (counts.get(day) ?? 0) + 1);
  let fromHistory = 0;
  let cleared = 0;
  items.forEach((item, index) => {
    const own = mapped[index];
    // a date of its own is kept; a missing one stays missing (never reviewed is the honest answer)
    if (!own || !bulkMapped.has(own)) return;
    const honest = changes[index]!.find((day) => !bulkChanged.has(day));
    const why = `\`reviewed\` ${own} is shared by ${counts.get(own)} files (a bulk edit, not a review)`;
    if (honest) {
      item.data['reviewed'] = honest;
      fromHistory++;
      item.sink.add(
        'reviewed-from-history',
        `${why}: reviewed set to ${honest}, the file's newest change in the source history that was not a bulk day`,
        undefined,
        'info',
      );
    } else {
      delete item.data['reviewed'];
      cleared++;
      const known =
        history.kind === 'none'
          ? 'no source history was found (import from a git checkout, or put FILE_HISTORY.csv beside it)'
          : 'its changes in the source history fall on bulk days too';
      item.sink.add('reviewed-bulk', `${why}: reviewed left empty because ${known}`, undefined, 'info', 'Review the article and set `reviewed`.');
    }
  });
  return {
    history: history.kind,
    historyNote: history.note,
    threshold,
    bulk: [...counts].sort((a, b) => b[1] - a[1]).map(([day, files]) => ({ day, files })),
    fromHistory,
    cleared,
  };
}
