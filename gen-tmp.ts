import { generateKnowledgeBase } from './scripts/bench/generate-kb.ts';
import { buildBoth } from './test/helpers/build-site.ts';
const n = Number(process.argv[2]);
await generateKnowledgeBase(`/tmp/g${n}/content`, n);
const t = performance.now();
await buildBoth(`/tmp/g${n}/content`, `/tmp/g${n}/dist`);
console.log('built', n, Math.round(performance.now() - t));
