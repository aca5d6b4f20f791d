// Batches accepted answers into one insert per tick (R-PERSIST-BEFORE-ACK): each
// caller's promise settles only when its row is durable, or fails with the batch.
import type { AnswerRow } from "../db/games";

interface Pending {
  row: AnswerRow;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class AnswerWriter {
  private queue: Pending[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  private scheduled = false;

  constructor(private readonly insert: (rows: AnswerRow[]) => Promise<void>) {}

  write(row: AnswerRow): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  /** Writes everything queued so far; resolves once it (and any earlier batch) has settled. */
  flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    const previous = this.inFlight;
    this.inFlight = previous.then(async () => {
      if (batch.length === 0) return;
      try {
        await this.insert(batch.map((p) => p.row));
        batch.forEach((p) => p.resolve());
      } catch (error) {
        batch.forEach((p) => p.reject(error));
      }
    });
    return this.inFlight;
  }
}
