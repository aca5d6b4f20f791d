import type { HostView } from "../../lib/contract";

export interface RoomCounts {
  players: number;
  answered: number;
  connected: number;
  away: number;
  unanswered: number;
  /** The game takes no more players (a join would be GAME_FULL). */
  full: boolean;
  maxPlayers: number | null;
}

/**
 * The room's numbers from a HostView. The server always sends the counts; the
 * fallbacks serve views built without them (the deck editor's preview).
 */
export function roomCounts(view: HostView): RoomCounts {
  const players = view.playerCount ?? view.players.length;
  const maxPlayers = view.maxPlayers ?? null;
  return {
    players,
    answered: view.answeredCount,
    connected: view.connectedCount,
    away: view.awayCount ?? Math.max(0, players - view.connectedCount),
    unanswered: view.unansweredCount ?? Math.max(0, players - view.answeredCount),
    full: maxPlayers !== null && players >= maxPlayers,
    maxPlayers,
  };
}
