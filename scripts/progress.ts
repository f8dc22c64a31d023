/**
 * Progress for people at a terminal: stderr, so stdout stays clean JSON logs. Times count from
 * `since` (epoch ms), by default from now.
 */
export function progressPrinter(prefix: string, since = Date.now()): (message: string) => void {
  const started = since;
  return (message) => {
    const elapsed = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
    process.stderr.write(`[${prefix} ${elapsed}s] ${message}\n`);
  };
}
