import { resolve } from 'node:path';
import { beforeAll, describe } from 'vitest';
import { corpusArticles, importContract } from '../helpers/import-corpus.ts';
import { SHARED } from '../helpers/paths.ts';

// The real DocFX knowledge base, read in place. Every 25th article (sorted) is a fixed sample.
let sample: string[] = [];
beforeAll(async () => {
  sample = (await corpusArticles(resolve(SHARED, 'corpus/officedocs-support'))).filter((_, i) => i % 25 === 0);
});

describe('import of a sample of the full real corpus', () => importContract(() => sample, 95));
