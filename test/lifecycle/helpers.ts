import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { productFromSource } from '../../src/lib/lifecycle/endoflife-source.ts';
import { mergeProducts, type Lifecycle } from '../../src/lib/lifecycle/read.ts';
import { localSchema } from '../../src/lib/lifecycle/schema.ts';

export const FIXTURE = fileURLToPath(new URL('../fixtures/lifecycle', import.meta.url));
export const SOURCE = `${FIXTURE}/source`;
export const DATA = `${FIXTURE}/data`;

/** The fixture source's products (without the broken one) with the fixture local.yaml on top, in memory. */
export function fixtureLifecycle(): Lifecycle {
  const products = Object.fromEntries(
    readdirSync(`${SOURCE}/products`)
      .filter((f) => f !== 'broken.md')
      .map((f) => [f.replace(/\.md$/, ''), productFromSource(readFileSync(`${SOURCE}/products/${f}`, 'utf8'), `products/${f}`)]),
  );
  const local = localSchema.parse(parse(readFileSync(`${DATA}/local.yaml`, 'utf8')));
  return { products: mergeProducts(products, local), files: [] };
}
