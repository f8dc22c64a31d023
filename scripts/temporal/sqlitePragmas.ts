/**
 * How the dev server keeps its SQLite file. In the default rollback-journal mode every history
 * write syncs the file several times, and on this project's 2-core machines a persisted server
 * ran workflows 3–5 times slower than an in-memory one; with a write-ahead log synced at
 * checkpoints it keeps up with memory. It survives a crash or kill of the server (what a local
 * run needs), though not a power cut, which could lose the last moments of history.
 */
const PERSISTED_SQLITE_PRAGMAS = ['journal_mode=wal', 'synchronous=normal'];

/** `--sqlite-pragma` arguments of `temporal server start-dev`, for a persisted server only. */
export function sqlitePragmaArgs(dbFile: string | undefined): string[] {
  return dbFile ? PERSISTED_SQLITE_PRAGMAS.flatMap((pragma) => ['--sqlite-pragma', pragma]) : [];
}
