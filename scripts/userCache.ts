import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * The project's per-user cache (XDG), outside the repo, so clones and `git clean` keep it:
 * `$XDG_CACHE_HOME/after-sales-orchestrator/<parts>`, `~/.cache/…` by default.
 */
export function userCacheDir(...parts: string[]): string {
  const xdg = process.env.XDG_CACHE_HOME;
  // The XDG spec says to ignore a relative XDG_CACHE_HOME.
  const cacheHome = xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache');
  return join(cacheHome, 'after-sales-orchestrator', ...parts);
}
