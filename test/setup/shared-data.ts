import { existsSync } from 'node:fs';
import { SHARED } from '../helpers/paths.ts';

/**
 * `npm run test:data` runs over the full real data in ../shared. Without it the run must fail, not
 * skip: a green run that tested nothing would hide that the data tests never ran.
 */
export default function setup() {
  const needed = ['corpus/officedocs-support', 'corpus/intune-de', 'tickets'];
  const missing = needed.filter((part) => !existsSync(`${SHARED}/${part}`));
  if (missing.length > 0) {
    throw new Error(
      `npm run test:data needs the shared data beside the repository, at ${SHARED}; missing: ${missing.join(', ')}. ` + 'Plain `npm test` runs without it.',
    );
  }
}
