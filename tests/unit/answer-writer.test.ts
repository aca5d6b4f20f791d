// AnswerWriter: answers accepted in the same tick go to the store in one insert,
// and each caller hears only when its own row is durable (R-PERSIST-BEFORE-ACK).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AnswerRow } from "../../server/db/games";
import { AnswerWriter } from "../../server/live/answer-writer";
import { busy, settle, track } from "./support/fakes";

const row = (playerId: string, questionIndex = 0): AnswerRow => ({
  gameId: "g1",
  playerId,
  questionIndex,
  optionIds: ["a"],
  timeMs: 100,
});

/** An insert whose calls stay in flight until the test settles them, one by one. */
function fakeInsert() {
  const calls: { rows: string[]; resolve: () => void; reject: (error: unknown) => void }[] = [];
  const insert = vi.fn(
    (rows: AnswerRow[]) =>
      new Promise<void>((resolve, reject) => calls.push({ rows: rows.map((r) => r.playerId), resolve, reject })),
  );
  return { insert, calls };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("answer writer", () => {
  it("R-PERSIST-BEFORE-ACK: writes in the same tick share one insert, and resolve only once it lands", async () => {
    const { insert, calls } = fakeInsert();
    const writer = new AnswerWriter(insert);
    const writes = [track(writer.write(row("ann"))), track(writer.write(row("bob"))), track(writer.write(row("cat")))];
    await Promise.resolve();
    expect(insert).not.toHaveBeenCalled();
    // One flush is scheduled for the tick, however many answers arrive in it.
    expect(vi.getTimerCount()).toBe(1);
    await settle();
    expect(calls.map((c) => c.rows)).toEqual([["ann", "bob", "cat"]]);
    expect(insert.mock.calls[0]?.[0]).toEqual([row("ann"), row("bob"), row("cat")]);
    expect(writes.some((w) => w.done)).toBe(false);
    calls[0]?.resolve();
    await settle();
    expect(writes.map((w) => w.done && !("error" in w))).toEqual([true, true, true]);
  });

  it("R-PERSIST-BEFORE-ACK: one insert per tick; a later write gets its own", async () => {
    const { insert, calls } = fakeInsert();
    const writer = new AnswerWriter(insert);
    const first = track(writer.write(row("ann")));
    await settle();
    calls[0]?.resolve();
    await settle();
    const second = track(writer.write(row("bob")));
    await settle();
    expect(calls.map((c) => c.rows)).toEqual([["ann"], ["bob"]]);
    calls[1]?.resolve();
    await settle();
    expect([first.done, second.done]).toEqual([true, true]);
  });

  it("R-DB-BUSY: a failed insert rejects every write of its batch, and only those", async () => {
    const { insert, calls } = fakeInsert();
    const writer = new AnswerWriter(insert);
    const batch = [track(writer.write(row("ann"))), track(writer.write(row("bob")))];
    await settle();
    calls[0]?.reject(busy());
    await settle();
    expect(batch.map((w) => w.error)).toEqual([busy(), busy()]);
    const next = track(writer.write(row("cat")));
    await settle();
    calls[1]?.resolve();
    await settle();
    expect(next).toEqual({ done: true, value: undefined });
  });

  it("flush() writes what is queued at once and resolves when it has settled, even when it failed", async () => {
    const { insert, calls } = fakeInsert();
    const writer = new AnswerWriter(insert);
    const write = track(writer.write(row("ann")));
    const flushed = track(writer.flush());
    await Promise.resolve();
    expect(calls.map((c) => c.rows)).toEqual([["ann"]]);
    await Promise.resolve();
    expect(flushed.done).toBe(false);
    calls[0]?.reject(busy());
    await settle();
    expect(write.error).toEqual(busy());
    expect(flushed).toEqual({ done: true, value: undefined });
    // The tick the write had scheduled finds nothing left to insert.
    await settle();
    expect(insert).toHaveBeenCalledTimes(1);
  });

  it("batches go one after another: a flush waits for the batch in flight, in order", async () => {
    const { insert, calls } = fakeInsert();
    const writer = new AnswerWriter(insert);
    const settledOrder: string[] = [];
    void writer.write(row("ann")).then(() => settledOrder.push("ann"));
    await settle();
    void writer.write(row("bob")).then(() => settledOrder.push("bob"));
    const flushed = track(writer.flush().then(() => settledOrder.push("flush")));
    const empty = track(writer.flush().then(() => settledOrder.push("empty flush")));
    await settle();
    // Bob's batch waits for Ann's to settle.
    expect(calls.map((c) => c.rows)).toEqual([["ann"]]);
    calls[0]?.resolve();
    await settle();
    expect(calls.map((c) => c.rows)).toEqual([["ann"], ["bob"]]);
    expect(flushed.done).toBe(false);
    expect(empty.done).toBe(false);
    calls[1]?.resolve();
    await settle();
    expect(settledOrder).toEqual(["ann", "bob", "flush", "empty flush"]);
  });

  it("after a flush, a new write is written on its own tick again", async () => {
    const { insert, calls } = fakeInsert();
    const writer = new AnswerWriter(insert);
    void writer.write(row("ann"));
    void writer.flush();
    await settle();
    calls[0]?.resolve();
    await settle();
    const later = track(writer.write(row("bob")));
    await settle();
    expect(calls.map((c) => c.rows)).toEqual([["ann"], ["bob"]]);
    calls[1]?.resolve();
    await settle();
    expect(later.done).toBe(true);
  });
});
