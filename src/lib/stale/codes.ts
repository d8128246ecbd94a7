/** Every reason code `kb stale` knows, with a one-line description for help texts and the docs. */
export const REASON_CODES = {
  'review-overdue': 'the review date plus review_every days lies before today',
  'review-due': 'the next review falls within 30 days',
  'never-reviewed': 'the article has no reviewed date',
  'git-unchanged': 'the file has not changed in git for longer than --git-max-age days',
  'product-eol': 'a version in versions: is past its end of support (taxonomy.yaml eol, else content/lifecycle/)',
  'eol-soon': 'every version the article is about reaches its end of support within 90 days (and none is supported longer)',
  'mentions-eol': 'the title (or, without one, the whole body) names only product versions past their end of support',
  'broken-link': 'a link points at an article that does not exist or is a draft',
  'translation-outdated': 'a translation was reviewed or changed much earlier than its source',
  'archived-linked': 'the article links to an archived article',
  'ticket-escalations': 'tickets linked to the article were escalated (from kb gaps)',
  'ticket-reopened': 'tickets linked to the article were reopened (from kb gaps)',
  unused: 'no ticket refers to the article any more (from kb gaps)',
  unhelpful: 'readers answered "Did this solve your problem?" with No too often since the last review (from kb collect events)',
} as const;

export type ReasonCode = keyof typeof REASON_CODES;

export function isReasonCode(value: string): value is ReasonCode {
  return Object.hasOwn(REASON_CODES, value);
}
