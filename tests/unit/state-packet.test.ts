// The phones' `state` packets encoded with their shared parts cached
// (server/realtime/state-packet.ts) must be exactly what Socket.IO's own encoder
// makes of the same views: over whole random games, every phone's view of every
// state, and for texts that JSON escapes (quotes, newlines, Korean, emoji).
import fc from "fast-check";
import { Server } from "socket.io";
import { describe, expect, it } from "vitest";
import type { PlayerView } from "../../lib/contract";
import { apply } from "../../server/game/engine";
import { phoneViews } from "../../server/game/views";
import type { Command } from "../../server/game/types";
import { statePacketEncoder } from "../../server/realtime/state-packet";
import {
  commandsFor,
  type Cursor,
  game,
  must,
  openingOf,
  propertyRuns,
  question,
  scenarioArb,
  scenarioGame,
  withPlayers,
} from "./helpers";

// Not attached to any HTTP server: only its encoder is used.
const io = new Server();

/** What Socket.IO sends for `socket.emit("state", view)` on /play. */
const reference = (view: PlayerView) => io.encoder.encode({ type: 2, nsp: "/play", data: ["state", view] });

describe("state packets (issue 17)", () => {
  it("are Socket.IO's own frames for every phone's view over whole random games", () => {
    let compared = 0;
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        // A new encoder per game, so the cache sees every view of one game only.
        const encoder = statePacketEncoder(io.encoder, "/play");
        if (!encoder) throw new Error("the default parser makes text frames");
        let state = scenarioGame(scenario);
        const cursor: Cursor = { now: 1_000, joins: 0 };
        const play = (commands: [Command, number][]) => {
          for (const [command, now] of commands) {
            state = apply(state, command, now).state;
            for (const [, view] of phoneViews(state, now)) {
              expect([encoder.encode(view)]).toEqual(reference(view));
              compared++;
            }
          }
        };
        play(openingOf(scenario, cursor));
        for (const step of scenario.steps) play(commandsFor(state, step, cursor));
      }),
      propertyRuns(30),
    );
    expect(compared).toBeGreaterThan(1_000);
  });

  it("escape what JSON escapes, and a cached question never stands in for another", () => {
    const encoder = statePacketEncoder(io.encoder, "/play");
    if (!encoder) throw new Error("the default parser makes text frames");
    const texts = ['Kinesis "Data Streams"\nvs Firehose', "샤드 수를 늘린다 — 🚀 \\ \u2028", "plain"];
    for (const text of texts) {
      let state = withPlayers(game([question({ text, explanation: `${text}!`, rationales: [text, "", text, ""] })]), [
        "ann",
        "bob",
      ]);
      state = must(state, { type: "start" }, 0);
      state = must(state, { type: "answer", playerId: "ann", questionIndex: 0, optionIds: ["a"] }, 10);
      for (const now of [20, 30]) {
        for (const [, view] of phoneViews(state, now)) expect([encoder.encode(view)]).toEqual(reference(view));
      }
      state = must(state, { type: "answer", playerId: "bob", questionIndex: 0, optionIds: ["c"] }, 40);
      state = must(state, { type: "tick" }, 40);
      expect(state.phase).toBe("reveal");
      for (const [, view] of phoneViews(state, 50)) {
        expect([encoder.encode(view)]).toEqual(reference(view));
        // A key left undefined is left out, as JSON.stringify leaves it out.
        const sparse = { ...view, reviewUrl: undefined } as unknown as PlayerView;
        expect([encoder.encode(sparse)]).toEqual(reference(sparse));
      }
    }
  });

  it("leave a binary parser to Socket.IO's own emit", () => {
    const binary = { encode: () => [Buffer.from("x")] } as unknown as Server["encoder"];
    expect(statePacketEncoder(binary, "/play")).toBeNull();
  });
});
