import { open } from 'node:fs/promises';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Sniff {
  encoding: Encoding;
  /** Bytes of byte-order mark to skip. */
  bom: number;
  /** The file holds no bytes (or only a BOM). */
  empty: boolean;
  /** NUL bytes or control characters in a non-UTF-16 file: not a text export. */
  binary: boolean;
  /** The first characters after the BOM and a `sep=` line, decoded, for format detection. */
  head: string;
  /** The delimiter named by Excel's `sep=;` first line, when the file starts with one. */
  sep?: string | undefined;
  /** Lines before the header that were skipped (the `sep=` line), so rows keep the file's line numbers. */
  skippedLines?: number | undefined;
}

// Excel writes `sep=;` (or `sep=,`) as the first line so that it opens the file with that delimiter
const SEP_LINE = /^sep=([^\r\n])\r?\n/i;

const SAMPLE = 256 * 1024;

/**
 * Detects the encoding from the first 256 KB: a BOM (UTF-8, UTF-16 LE/BE); UTF-16 without BOM
 * by its NUL pattern; else UTF-8 when the sample decodes cleanly, Windows-1252 otherwise (German
 * Excel exports). Decoding errors later in a file that looked UTF-8 are rare and show as U+FFFD.
 */
export async function sniff(file: string): Promise<Sniff> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE, 0);
    const bytes = buffer.subarray(0, bytesRead);
    let encoding: Encoding = 'utf-8';
    let bom = 0;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bom = 3;
    else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, bom] = ['utf-16le', 2];
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, bom] = ['utf-16be', 2];
    else if (bytes.length >= 4 && bytes[1] === 0 && bytes[3] === 0 && bytes[0] !== 0) encoding = 'utf-16le';
    else if (bytes.length >= 4 && bytes[0] === 0 && bytes[2] === 0 && bytes[1] !== 0) encoding = 'utf-16be';
    const body = bytes.subarray(bom);
    let binary = false;
    if (!encoding.startsWith('utf-16')) {
      let control = 0;
      for (const byte of body.subarray(0, 8192)) if (byte === 0 || (byte < 9 && byte !== 0) || (byte > 13 && byte < 32 && byte !== 27)) control++;
      binary = control > 0 && control / Math.min(body.length, 8192) > 0.01;
      if (!binary) {
        try {
          // a multi-byte character cut at the end of the sample is not an error
          new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(0, bytesRead === SAMPLE ? body.length - 4 : body.length));
        } catch {
          encoding = 'windows-1252';
        }
      }
    }
    let head = new TextDecoder(encoding === 'windows-1252' ? 'windows-1252' : encoding).decode(body.subarray(0, 4096));
    const sep = SEP_LINE.exec(head);
    if (sep) {
      // an ASCII line: one byte a character, two in UTF-16
      bom += sep[0].length * (encoding.startsWith('utf-16') ? 2 : 1);
      head = head.slice(sep[0].length);
      return { encoding, bom, empty: head.trim() === '', binary, head, sep: sep[1], skippedLines: 1 };
    }
    return { encoding, bom, empty: body.length === 0, binary, head };
  } finally {
    await handle.close();
  }
}
