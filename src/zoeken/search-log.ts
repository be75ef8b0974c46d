import { zoeklog } from '../../db/schema/index.js';
import type { Db } from '../database/connection.js';

type LogRow = typeof zoeklog.$inferInsert;

/**
 * Search log lines are written in batches (at most every half second, or per 200 lines) instead of one transaction
 * per search: the log is for monitoring, and a search should not wait for, or pay for, its own bookkeeping.
 */
export class SearchLogBuffer {
  private rows: LogRow[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly onError: (error: unknown) => void,
    private readonly maxRows = 200,
    private readonly maxDelayMs = 500,
  ) {}

  add(row: LogRow): void {
    this.rows.push(row);
    if (this.rows.length >= this.maxRows) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.maxDelayMs);
  }

  /** Writes what is buffered; also called when the app closes. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.rows;
    this.rows = [];
    if (rows.length === 0) return this.flushing;
    this.flushing = this.flushing.then(() => this.db.insert(zoeklog).values(rows).then(() => undefined, this.onError));
    return this.flushing;
  }
}
