// The host's player search (server/game/player-search.ts): HostView lists only the
// latest joiners, so the room panel finds anyone else by name.
import { describe, expect, it } from "vitest";
import { HOST_PLAYER_LIST_MAX } from "../../lib/contract";
import { checkNickname } from "../../lib/nickname";
import { searchPlayers } from "../../server/game/player-search";
import type { GameState } from "../../server/game/types";
import { game, must } from "./helpers";

/** Joins each name as the real join does: the nickname rules give the key. */
function joined(names: string[]): GameState {
  return names.reduce(
    (state, name, i) => {
      const checked = checkNickname(name);
      if (!checked.ok) throw new Error(`${name}: ${checked.reason}`);
      return must(state, { type: "join", playerId: `p${i}`, nickname: checked.nickname, nicknameKey: checked.key }, 0);
    },
    { ...game(), maxPlayers: 1000 },
  );
}

describe("searchPlayers", () => {
  const state = joined(["Alice", "Bob", "alicia", "민지", "김민지", "Ｍａｘ"]);

  it("matches inside nicknames ignoring case, full width and invisible characters, in join order", () => {
    expect(searchPlayers(state, "ALI")).toEqual({
      players: [
        { id: "p0", nickname: "Alice", score: 0, connected: true },
        { id: "p2", nickname: "alicia", score: 0, connected: true },
      ],
      total: 2,
    });
    expect(searchPlayers(state, "민지").players.map((p) => p.nickname)).toEqual(["민지", "김민지"]);
    expect(searchPlayers(state, "max").players.map((p) => p.id)).toEqual(["p5"]);
    expect(searchPlayers(state, "b\u200Bo\uFE0Fb ").players.map((p) => p.id)).toEqual(["p1"]);
  });

  it("lists in join order whatever order the state holds the players in", () => {
    const reversed = { ...state, players: Object.fromEntries(Object.entries(state.players).reverse()) };
    expect(searchPlayers(reversed, "").players.map((p) => p.id)).toEqual(["p0", "p1", "p2", "p3", "p4", "p5"]);
  });

  it('"" lists everyone from the first joiner; no match is an empty page', () => {
    expect(searchPlayers(state, "").players.map((p) => p.id)).toEqual(["p0", "p1", "p2", "p3", "p4", "p5"]);
    expect(searchPlayers(state, "  ").total).toBe(6);
    expect(searchPlayers(state, "zed")).toEqual({ players: [], total: 0 });
  });

  it("leaves kicked players out and reports scores and connections as they are", () => {
    let s = must(state, { type: "kick", playerId: "p0" }, 0);
    s = must(s, { type: "disconnect", playerId: "p2" }, 0);
    expect(searchPlayers(s, "ali")).toEqual({
      players: [{ id: "p2", nickname: "alicia", score: 0, connected: false }],
      total: 1,
    });
  });

  it(`stops at ${HOST_PLAYER_LIST_MAX} (or the limit given) and still counts every match`, () => {
    const names = Array.from({ length: HOST_PLAYER_LIST_MAX + 5 }, (_, i) => `player ${i}`);
    const many = joined(names);
    const all = searchPlayers(many, "player");
    expect(all.total).toBe(names.length);
    expect(all.players).toHaveLength(HOST_PLAYER_LIST_MAX);
    expect(all.players[0]?.nickname).toBe("player 0");
    expect(all.players.at(-1)?.nickname).toBe(`player ${HOST_PLAYER_LIST_MAX - 1}`);
    expect(searchPlayers(many, "player 1", 3)).toEqual({
      players: ["player 1", "player 10", "player 11"].map((nickname) => expect.objectContaining({ nickname })),
      total: names.filter((name) => name.includes("player 1")).length,
    });
  });
});
