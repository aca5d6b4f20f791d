import { describe, expect, it } from "vitest";
import { apply } from "../../server/game/engine";
import { hostView, playerView } from "../../server/game/views";
import type { GameState } from "../../server/game/types";
import { game, must, question, withPlayers } from "./helpers";

const ANSWER_KEYS = ["correctOptionIds", "correct", "explanation", "optionCounts"];

function keysDeep(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysDeep(v, found));
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (inner !== null && inner !== undefined) found.add(key);
      keysDeep(inner, found);
    }
  }
  return found;
}

/** Every phase a game passes through, with a player that answered correctly. */
function phases(): GameState[] {
  const states: GameState[] = [];
  let s = withPlayers(game([question({ explanation: "SECRET-EXPLANATION" })]), ["ann", "bob"]);
  states.push(s);
  s = must(s, { type: "start" }, 0);
  states.push(s);
  s = must(s, { type: "answer", playerId: "ann", questionIndex: 0, optionIds: ["b"] }, 100);
  states.push(s);
  states.push(must(s, { type: "pause" }, 200));
  s = must(s, { type: "tick" }, 20_000);
  states.push(s);
  s = must(s, { type: "next" }, 20_000);
  states.push(s);
  s = must(s, { type: "next" }, 20_000);
  states.push(s);
  return states;
}

describe("views", () => {
  it("R-NO-LEAK: no phone view before the reveal holds a field that tells the answer", () => {
    for (const state of phases()) {
      for (const id of ["ann", "bob"]) {
        const view = playerView(state, id, 0);
        expect(view).not.toBeNull();
        const text = JSON.stringify(view);
        if (state.phase === "lobby" || state.phase === "question" || state.phase === "leaderboard") {
          const keys = keysDeep(view);
          for (const key of ANSWER_KEYS) expect(keys.has(key), `${state.phase}: ${key}`).toBe(false);
          expect(text).not.toContain("SECRET-EXPLANATION");
        }
      }
    }
  });

  it("R-NO-LEAK: the projector too carries the correct options only from the reveal on", () => {
    for (const state of phases()) {
      const view = hostView(state, 0, "http://x/join?pin=123456");
      const before = state.phase === "lobby" || state.phase === "question";
      expect(view.correctOptionIds === null, state.phase).toBe(before);
      expect(view.optionCounts === null).toBe(before);
      if (before) expect(JSON.stringify(view)).not.toContain("SECRET-EXPLANATION");
    }
  });

  it("reveal tells each phone its own result and the correct options", () => {
    const reveal = phases().find((s) => s.phase === "reveal");
    const ann = reveal && playerView(reveal, "ann", 0);
    const bob = reveal && playerView(reveal, "bob", 0);
    expect(ann?.phase === "reveal" && [ann.correct, ann.points, ann.correctOptionIds]).toEqual([true, 1000, ["b"]]);
    expect(bob?.phase === "reveal" && [bob.correct, bob.points, bob.rank]).toEqual([false, 0, 2]);
  });

  it("R-RANK-NULL: rank is null until the first reveal", () => {
    const [lobby, open] = phases();
    expect(lobby && playerView(lobby, "ann", 0)?.rank).toBeNull();
    expect(open && playerView(open, "ann", 0)?.rank).toBeNull();
  });

  it("host view counts answers without telling which option", () => {
    let s = must(withPlayers(game(), ["ann", "bob"]), { type: "start" }, 0);
    s = must(s, { type: "answer", playerId: "ann", questionIndex: 0, optionIds: ["c"] }, 100);
    const view = hostView(s, 200, "u");
    expect(view.answeredCount).toBe(1);
    expect(view.question?.timeLeftMs).toBe(19_800);
    expect(apply(s, { type: "next" }, 0).ok).toBe(false);
  });
});
