import { execFileSync } from 'node:child_process';

/** The author from git config (e-mail preferred: CODEOWNERS and reviews use it), if set. */
export function gitAuthor(cwd: string): string | undefined {
  for (const key of ['user.email', 'user.name']) {
    try {
      const value = execFileSync('git', ['config', key], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (value) return value;
    } catch {
      // not set, or not a repository: try the next key, then the product owner
    }
  }
  return undefined;
}
