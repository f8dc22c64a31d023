import { createWriteStream, type WriteStream } from 'node:fs';
import type { Readable } from 'node:stream';

/**
 * Keeps the last lines a child process printed, so a failure can be reported with its cause instead of
 * "exited with code 1", and optionally copies everything to a log file for the full story.
 */
export class OutputTail {
  private readonly lines: string[] = [];
  private readonly log: WriteStream | null;

  constructor(
    private readonly maxLines = 40,
    logFile?: string,
  ) {
    this.log = logFile ? createWriteStream(logFile, { flags: 'a' }) : null;
  }

  follow(stream: Readable | null, onLine?: (line: string) => void): void {
    if (!stream) return;
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      this.log?.write(chunk);
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) this.push(line, onLine);
    });
    stream.on('end', () => {
      if (partial !== '') this.push(partial, onLine);
      partial = '';
    });
  }

  text(): string {
    return this.lines.join('\n');
  }

  close(): Promise<void> {
    const log = this.log;
    return log ? new Promise((resolve) => log.end(resolve)) : Promise.resolve();
  }

  private push(line: string, onLine?: (line: string) => void): void {
    this.lines.push(line);
    if (this.lines.length > this.maxLines) this.lines.shift();
    onLine?.(line);
  }
}
