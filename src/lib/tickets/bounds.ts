import { stat } from 'node:fs/promises';
import type { FileProblem } from './types.ts';

/** Default largest cell (characters) a ticket export may have: 1 MiB. */
export const DEFAULT_MAX_CELL = 2 ** 20;

/** Deepest nesting of arrays and objects a JSON ticket record may have. */
export const MAX_JSON_DEPTH = 32;

/**
 * Why a ticket file cannot be read, or undefined for a regular file. Checked before the file is
 * opened: opening a named pipe (FIFO) would wait for a writer forever.
 */
export async function fileProblem(file: string): Promise<FileProblem | undefined> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      file,
      line: 1,
      rule: 'missing-file',
      reason: `Unexpected ${code === 'ENOENT' ? 'missing file' : `unreadable file (${code})`}, expected a ticket export`,
    };
  }
  if (info.isFile()) return undefined;
  const kind = info.isDirectory()
    ? 'directory'
    : info.isFIFO()
      ? 'named pipe (FIFO)'
      : info.isCharacterDevice() || info.isBlockDevice()
        ? 'device'
        : info.isSocket()
          ? 'socket'
          : 'special file';
  return { file, line: 1, rule: 'not-a-file', reason: `Unexpected ${kind}, expected a regular file (a CSV, JSON or NDJSON export)` };
}

/** `1048576` → `1 MiB`, for messages. */
export function formatSize(chars: number): string {
  if (chars >= 2 ** 20) return `${Math.round((chars / 2 ** 20) * 10) / 10} MiB`;
  if (chars >= 2 ** 10) return `${Math.round((chars / 2 ** 10) * 10) / 10} KiB`;
  return `${chars} characters`;
}

/** `--max-cell 512k`, `2MB`, `1000000` → characters; a clear error otherwise. */
export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(k|kb|kib|m|mb|mib)?\s*$/i.exec(text);
  if (!match) throw new Error(`Unexpected --max-cell ${text}, expected a size such as 1MB, 512k or 100000`);
  const unit = (match[2] ?? '').toLowerCase();
  const size = Math.round(Number(match[1]) * (unit.startsWith('m') ? 2 ** 20 : unit.startsWith('k') ? 2 ** 10 : 1));
  if (size < 1) throw new Error(`Unexpected --max-cell ${text}, expected at least 1`);
  return size;
}

/**
 * How deeply a JSON text nests arrays and objects, counted without parsing it (JSON.parse and
 * everything after it recurse, and overflow the stack on 10,000 levels). Stops at `limit + 1`.
 */
export function jsonTextDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/** Whether a parsed JSON value nests deeper than `limit`, walked without recursion. */
export function jsonValueTooDeep(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (!item || typeof item !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item as object)) if (child && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}
