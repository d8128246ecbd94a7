import type { AgeBucket } from './health.ts';

export interface AgeChartText {
  /** Chart title, also the accessible name. */
  title: string;
  /** Sentence before the numbers in the accessible description. */
  description: string;
  /** Label of each bucket, by bucket id. */
  label: (bucket: AgeBucket) => string;
  /** How a count is read out ("3 articles"). */
  count: (n: number) => string;
  /** Unique prefix for the ids that tie title and description to the chart. */
  idPrefix?: string;
}

const ROW = 34;
const LABEL_WIDTH = 150;
const BAR_WIDTH = 400;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 90;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Colour class per bucket: older reviews look more urgent, but every bar also carries its number. */
function tone(bucket: AgeBucket): string {
  if (bucket.id === 'never') return 'never';
  if ((bucket.min ?? 0) >= 365) return 'old';
  return (bucket.min ?? 0) >= 180 ? 'aging' : 'fresh';
}

/**
 * A horizontal bar chart of review ages as a static SVG string: built at build time, no client
 * script. `role="img"` with a title and a description that lists every number, so screen readers
 * get the data; visible text labels and counts, so colour is never the only carrier.
 */
export function renderAgeChart(buckets: readonly AgeBucket[], text: AgeChartText): string {
  const id = text.idPrefix ?? 'age-chart';
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const height = buckets.length * ROW + 8;
  const desc = `${text.description} ${buckets.map((b) => `${text.label(b)}: ${text.count(b.count)}`).join('; ')}.`;
  const rows = buckets.map((bucket, i) => {
    const y = 4 + i * ROW;
    const width = bucket.count ? Math.max(2, Math.round((bucket.count / max) * BAR_WIDTH)) : 0;
    return [
      `<g class="age-row age-${tone(bucket)}">`,
      `<text class="age-label" x="${LABEL_WIDTH - 10}" y="${y + ROW / 2}" text-anchor="end" dominant-baseline="middle">${escape(text.label(bucket))}</text>`,
      `<rect class="age-bar" x="${LABEL_WIDTH}" y="${y + 5}" width="${width}" height="${ROW - 10}" rx="3"/>`,
      `<text class="age-count" x="${LABEL_WIDTH + width + 8}" y="${y + ROW / 2}" dominant-baseline="middle">${bucket.count}</text>`,
      '</g>',
    ].join('');
  });
  return [
    `<svg class="age-chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${WIDTH} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-title">${escape(text.title)}</title>`,
    `<desc id="${id}-desc">${escape(desc)}</desc>`,
    `<line class="age-axis" x1="${LABEL_WIDTH}" y1="0" x2="${LABEL_WIDTH}" y2="${height}"/>`,
    ...rows,
    '</svg>',
  ].join('\n');
}
