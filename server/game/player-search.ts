// The room panel's search over every player of a game (the `players` event on /host):
// HostView carries only the latest joiners, so a 2,000-player hall is searched here.
import { HOST_PLAYER_LIST_MAX, type PlayerSearchResult } from "../../lib/contract";
import { nicknameKey } from "../../lib/nickname";
import type { GameState } from "./types";

/**
 * Players not kicked whose nickname key contains the query's (lib/nickname.ts: case,
 * width and invisible characters ignored), in join order.
 * @returns the first `limit` matches and how many matched in all ("" matches everyone).
 * O(N) in the game's players: asked by one instructor, under the host rate limit.
 */
export function searchPlayers(state: GameState, query: string, limit = HOST_PLAYER_LIST_MAX): PlayerSearchResult {
  const key = nicknameKey(query);
  const matches = Object.values(state.players)
    .filter((p) => !p.kicked && p.nicknameKey.includes(key))
    .sort((a, b) => a.seq - b.seq);
  return {
    players: matches
      .slice(0, limit)
      .map((p) => ({ id: p.id, nickname: p.nickname, score: p.score, connected: p.connected })),
    total: matches.length,
  };
}
