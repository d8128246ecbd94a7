import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export { walk } from '../../src/lib/built-site/walk.ts';

/** A file's content as text; gzip files (Pagefind's index and fragments) are decompressed first. */
export function readAsText(file: string): string {
  const bytes = readFileSync(file);
  const data = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  return data.toString('utf8');
}

/** The visible-ish text of an HTML page: tags replaced by spaces, entities for quotes decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}
