import { mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { OperationsConfig } from '../config-operations.js';
import type { ProcessingLogLine } from './line.js';

/**
 * Where processing-log lines go. A JSON-lines file (`VERWERKINGSLOG=bestand`) is what a log shipper (an
 * OpenTelemetry Collector's filelog receiver, Fluent Bit, …) forwards to the organisation's Logboek; `log` writes
 * them into the service log under `verwerking`, for platforms that ship the service log anyway. Each write is
 * awaited, so a line counts as written only once the file accepted it.
 */
export interface ProcessingLogWriter {
  write(lines: ProcessingLogLine[]): Promise<void>;
  close(): Promise<void>;
}

class FileWriter implements ProcessingLogWriter {
  private handle: Promise<FileHandle> | undefined;

  constructor(private readonly file: string) {}

  async write(lines: ProcessingLogLine[]): Promise<void> {
    if (lines.length === 0) return;
    this.handle ??= mkdir(path.dirname(this.file), { recursive: true }).then(() => open(this.file, 'a', 0o600));
    // One write per request with O_APPEND: lines of concurrent requests and nodes sharing a volume do not interleave.
    await (await this.handle).appendFile(lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
  }

  async close(): Promise<void> {
    await (await this.handle)?.close();
  }
}

/** What the `log` target needs of a logger (pino's `info`). */
export interface InfoLogger {
  info(object: object, message: string): void;
}

export function createWriter(settings: OperationsConfig['verwerkingslog'], log: InfoLogger): ProcessingLogWriter {
  if (settings.target === 'bestand') return new FileWriter(settings.file);
  if (settings.target === 'log') {
    return {
      async write(lines) {
        for (const line of lines) log.info({ component: 'verwerkingslog', verwerking: line }, 'verwerking');
      },
      async close() {},
    };
  }
  return { write: async () => {}, close: async () => {} };
}
