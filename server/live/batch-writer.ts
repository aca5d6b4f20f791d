// Batches rows written in the same tick into one insert (R-PERSIST-BEFORE-ACK): each
// caller's promise settles only when its row is durable, or fails with its batch.
// One per game and kind of row (answers, players), so a 2,000-player room makes a
// few inserts per second instead of one per event.

interface Pending<Row> {
  row: Row;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class BatchWriter<Row> {
  private queue: Pending<Row>[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  private scheduled = false;

  /** `insert` writes every row or none (one statement or transaction). */
  constructor(private readonly insert: (rows: Row[]) => Promise<void>) {}

  /** Queues the row; resolves once it is written, rejects with its batch's error. */
  write(row: Row): Promise<void> {
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
