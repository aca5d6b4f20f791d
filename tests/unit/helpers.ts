// A small game for engine tests: a fake clock is just the `now` passed to apply().
import { apply, newGameState } from "../../server/game/engine";
import type { Command, GameState, QuestionDef } from "../../server/game/types";

export const question = (overrides: Partial<QuestionDef> = {}): QuestionDef => ({
  kind: "single",
  text: "Which one?",
  options: ["A", "B", "C", "D"],
  correct: [1],
  timeLimitSec: 20,
  points: "standard",
  explanation: "B because…",
  tags: ["t"],
  imageUrl: null,
  ...overrides,
});

export function game(questions: QuestionDef[] = [question(), question({ kind: "multiple", correct: [0, 2] })]) {
  return newGameState({
    id: "g1",
    pin: "123456",
    ownerId: "u1",
    deckTitle: "Deck",
    language: "en",
    questions,
    maxPlayers: 100,
  });
}

/** Applies a command that must succeed. */
export function must(state: GameState, command: Command, now: number): GameState {
  const outcome = apply(state, command, now);
  if (!outcome.ok) throw new Error(`${command.type} failed: ${outcome.code}`);
  return outcome.state;
}

export function withPlayers(state: GameState, names: string[], now = 0): GameState {
  return names.reduce(
    (s, name) => must(s, { type: "join", playerId: name, nickname: name, nicknameKey: name.toLowerCase() }, now),
    state,
  );
}
