import Steps from './Steps.astro';
import Callout from './Callout.astro';
import Internal from './Internal.astro';
import ErrorCode from './ErrorCode.astro';
import Escalation from './Escalation.astro';

/** Components every article can use without importing them. */
export const mdxComponents = { Steps, Callout, Internal, ErrorCode, Escalation };
