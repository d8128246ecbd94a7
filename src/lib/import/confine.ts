import { lstatSync, mkdirSync, realpathSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, relative, resolve, sep, isAbsolute } from 'node:path';

function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The folders an import may read: the folders given on the command line, and the folder of
 * each file given. Paths are compared after resolving symbolic links, so neither `../..` in an
 * include or image nor a link that points elsewhere can reach a file outside them.
 */
export class SourceRoots {
  readonly roots: string[];

  constructor(inputs: readonly string[], cwd: string) {
    this.roots = inputs.flatMap((input) => {
      const abs = resolve(cwd, input);
      const real = realOrUndefined(abs);
      if (!real) return [];
      return [statSync(real).isDirectory() ? real : dirname(real)];
    });
  }

  /** The real path of `path` when it exists inside a root; undefined when it is missing or outside. */
  resolve(path: string): string | undefined {
    const real = realOrUndefined(path);
    return real !== undefined && this.roots.some((root) => isWithin(root, real)) ? real : undefined;
  }

  /** Whether `path` exists (after links) outside every root. */
  outside(path: string): boolean {
    const real = realOrUndefined(path);
    return real !== undefined && !this.roots.some((root) => isWithin(root, real));
  }
}

/** Raised when a write would leave the output folder (through a symbolic link placed in it). */
export class OutsideOutputError extends Error {}

/**
 * Writes only under `outDir`: the folder of `file` is created, then its real path must still be
 * inside the real output folder, and `file` itself must not be a symbolic link. A link placed in
 * the output folder (`articles/en/media -> /etc`) cannot redirect a write.
 */
export class OutputFolder {
  readonly dir: string;
  private real: string | undefined;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  private target(file: string): string {
    const abs = resolve(this.dir, file);
    if (!isWithin(this.dir, abs)) throw new OutsideOutputError(`write to ${abs} outside the output folder ${this.dir}`);
    mkdirSync(this.dir, { recursive: true });
    this.real ??= realpathSync(this.dir);
    // the deepest folder that exists must lead inside before any folder is made below it
    let existing = dirname(abs);
    while (!lstatSync(existing, { throwIfNoEntry: false })) existing = dirname(existing);
    const leads = realOrUndefined(existing);
    if (leads === undefined || !isWithin(this.real, leads)) throw new OutsideOutputError(`write to ${abs}: its folder leads to ${leads ?? 'a missing target'}`);
    mkdirSync(dirname(abs), { recursive: true });
    let link = false;
    try {
      link = lstatSync(abs).isSymbolicLink();
    } catch {
      // a new file
    }
    if (link) throw new OutsideOutputError(`write to ${abs}: it is a symbolic link`);
    return abs;
  }

  write(file: string, data: string): string {
    const abs = this.target(file);
    writeFileSync(abs, data);
    return abs;
  }

  copy(from: string, file: string): string {
    const abs = this.target(file);
    copyFileSync(from, abs);
    return abs;
  }
}
