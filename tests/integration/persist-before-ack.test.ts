// R-PERSIST-BEFORE-ACK: the server is killed (SIGKILL, no warning) the instant the
// first ack of a round of concurrent answers reaches the test; once it is dead, the
// database must hold every answer that was acknowledged. An ack sent before its
// write would lose the race often: a few rounds make that certain.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ack } from "../../lib/contract";
import { call, expectOk, signIn } from "./support/clients";
import { readDb } from "./support/db";
import { hostGame, importDeck, joinPhone, LETTERS } from "./support/game";
import { DATABASES, startServer, type TestServer } from "./support/server";

const ROUNDS = 6;
const PHONES_PER_ROUND = 6;

describe.each(DATABASES)("persist before ack (%s)", (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ database });
  });
  afterAll(async () => server?.dispose());

  it("R-PERSIST-BEFORE-ACK: SIGKILL the instant an ack arrives; every acknowledged answer is in the database", async () => {
    const deckId = await importDeck(server.url, await signIn(server.url));
    let acknowledged = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const game = await hostGame(server.url, deckId);
      const phones = await Promise.all(
        Array.from({ length: PHONES_PER_ROUND }, (_, i) => joinPhone(server.url, game.pin, `Round ${round} ${i}`)),
      );
      expectOk(await call(game.host, "start", { gameId: game.gameId }));

      // Acks already on their way when the kill lands still arrive: they count too.
      const acked = new Map<string, string[]>();
      let killed: Promise<number | null> | null = null;
      const gone = phones.map((p) => new Promise<void>((resolve) => p.socket.once("disconnect", () => resolve())));
      phones.forEach((phone, i) => {
        const optionIds = [LETTERS[i % 4] ?? "a"];
        phone.socket.emit("answer", { questionIndex: 0, optionIds }, (ack: Ack) => {
          if (!ack.ok) return;
          killed ??= server.stop("SIGKILL");
          acked.set(phone.playerId, optionIds);
        });
      });
      const allGone = Promise.all(gone);
      await Promise.race([allGone, new Promise((r) => setTimeout(r, 30_000))]);
      expect(killed, "no answer was acknowledged").not.toBeNull();
      await allGone;
      expect(await killed).toBeNull(); // died of the signal, not of its own accord
      game.host.close();

      const stored = await readDb(server.databaseUrl, (db) => db.answers(game.gameId));
      for (const [playerId, optionIds] of acked) {
        const row = stored.find((a) => a.playerId === playerId && a.questionIndex === 0);
        expect(row?.optionIds, `round ${round}: acknowledged answer of ${playerId}`).toEqual(optionIds);
      }
      acknowledged += acked.size;
      if (round + 1 < ROUNDS) await server.restart();
    }
    expect(acknowledged).toBeGreaterThanOrEqual(ROUNDS);
  }, 480_000); // on PostgreSQL each restart applies the migrations again (~12 s, far more on a busy machine)
});
