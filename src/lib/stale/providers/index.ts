import type { Lifecycle } from '../../lifecycle/read.ts';
import type { Taxonomy } from '../../schema/taxonomy.ts';
import type { StaleArticle } from '../article.ts';
import type { GitHistory } from '../git-history.ts';
import type { StaleProvider } from '../reason.ts';
import { eolProvider } from './eol.ts';
import { eolSoonProvider } from './eol-soon.ts';
import { gitProvider } from './git.ts';
import { mentionsProvider } from './mentions.ts';
import { archivedLinkedProvider, brokenLinkProvider, type LinkTargets } from './links.ts';
import { reviewProvider } from './review.ts';
import { translationProvider } from './translation.ts';

export interface ProviderInputs {
  reviewEvery: number;
  taxonomy: Taxonomy;
  /** Products and their end-of-support dates (content/lifecycle/). */
  lifecycle: Lifecycle;
  index: LinkTargets;
  /** Undefined when the git rules are switched off. */
  history?: GitHistory | undefined;
  gitMaxAge?: number | undefined;
  translationLag?: number | undefined;
}

/**
 * The providers every run uses, in report order. Ticket-based reasons (`ticket-escalations`,
 * `ticket-reopened`, `unused`) are not here: they come from `kb gaps`'s provider
 * (src/lib/gaps/stale-provider.ts) when ticket files are given, and are appended after these.
 */
export function contentProviders(inputs: ProviderInputs): StaleProvider<StaleArticle>[] {
  const providers = [
    reviewProvider({ reviewEvery: inputs.reviewEvery }),
    eolProvider(inputs.taxonomy, inputs.lifecycle),
    eolSoonProvider(inputs.taxonomy, inputs.lifecycle),
    mentionsProvider(inputs.lifecycle),
    brokenLinkProvider(inputs.index),
    archivedLinkedProvider(inputs.index),
    translationProvider(inputs.translationLag, inputs.history),
  ];
  if (inputs.history) providers.push(gitProvider(inputs.history, inputs.gitMaxAge));
  return providers;
}
