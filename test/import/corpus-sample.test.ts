import { resolve } from 'node:path';
import { beforeAll, describe } from 'vitest';
import { corpusArticles, importContract } from '../helpers/import-corpus.ts';
import { ROOT } from '../helpers/paths.ts';

// A small vendored sample of the real corpus (CC BY 4.0, see test/fixtures/NOTICE.md); the larger
// sample of the full corpus runs in test/data/import-corpus.test.ts.
let files: string[] = [];
beforeAll(async () => {
  files = await corpusArticles(resolve(ROOT, 'test/fixtures/corpus/officedocs-support'));
});

describe('import of the vendored sample of the real corpus', () => importContract(() => files, 15));
