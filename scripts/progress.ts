/** Progress for people at a terminal: stderr, so stdout stays clean JSON logs. */
export function progressPrinter(prefix: string): (message: string) => void {
  const started = Date.now();
  return (message) => {
    const elapsed = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
    process.stderr.write(`[${prefix} ${elapsed}s] ${message}\n`);
  };
}
