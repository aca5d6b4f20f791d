// The floor: a bare Socket.IO server that speaks Quizroom's contract (lib/contract.ts)
// with no database, no auth and no rules beyond the game's phases. It is what
// Socket.IO itself costs on this machine, so the bench can say how far above it the
// product is.
//
// What it does, and nothing more:
// - /play `join` → ack { playerId, token, state } and the same `state` to the phone;
//   the lobby's player count goes to the game's room as one broadcast, at most every 2 s.
// - /host `create` / `attach` / `start` / `next` / `skip` / `end` → ack; a phase change
//   sends the question (and the leaderboard) as ONE room broadcast: its per-player
//   fields (nickname, score) are left neutral, as a broadcast cannot carry them.
// - /play `answer` → ack; when every player has answered, or at the deadline, each
//   phone gets its own reveal view with its result.
// - /play `rejoin` → ack with the player's view; the host gets counts at most every 250 ms.
// The host view's `players` list is left empty (the counts are there): sending the
// whole list is a choice of the product's, not a cost of Socket.IO.
//
// Usage: node --import tsx bench/floor-server.ts --questions Q --time-limit S [--port P]
// Prints FLOOR_LISTENING port=<port> once listening on 127.0.0.1; exits when stdin closes.
import { randomBytes, randomInt } from "node:crypto";
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { Server, type Namespace, type Socket } from "socket.io";
import {
  type Ack,
  type ErrorBody,
  type ErrorCode,
  type HostClientToServer,
  type HostServerToClient,
  type HostView,
  type PlayClientToServer,
  type PlayerView,
  type PlayServerToClient,
  type PublicQuestion,
} from "../lib/contract";
import { SOCKET_SERVER_OPTIONS } from "../server/realtime/socket-options";
import { benchDeck, correctOptionId, type BenchQuestion } from "./deck";

type Phase = HostView["phase"];
type PlaySocket = Socket<PlayClientToServer, PlayServerToClient, Record<string, never>, { playerId?: string }>;
type HostSocket = Socket<HostClientToServer, HostServerToClient, Record<string, never>, Record<string, never>>;

interface FloorAnswer {
  optionIds: string[];
  correct: boolean;
  points: number;
}

interface FloorPlayer {
  id: string;
  gameId: string;
  nickname: string;
  token: string;
  score: number;
  streak: number;
  correctCount: number;
  socket: PlaySocket | null;
  answers: Map<number, FloorAnswer>;
}

interface FloorGame {
  id: string;
  pin: string;
  phase: Phase;
  questionIndex: number;
  openedAt: number;
  players: Map<string, FloorPlayer>;
  nicknames: Set<string>;
  answered: number;
  optionCounts: Record<string, number>;
  deadline: NodeJS.Timeout | null;
  hostTimer: NodeJS.Timeout | null;
  lastHostEmit: number;
  lobbyTimer: NodeJS.Timeout | null;
}

const HOST_UPDATE_INTERVAL_MS = 250;
const LOBBY_UPDATE_INTERVAL_MS = 2000;

const { values: args } = parseArgs({
  options: {
    questions: { type: "string", default: "3" },
    "time-limit": { type: "string", default: "20" },
    port: { type: "string", default: "0" },
  },
});
const deck = benchDeck(Number(args.questions), Number(args["time-limit"]));
const questions: BenchQuestion[] = deck.questions;

const games = new Map<string, FloorGame>();
const gamesByPin = new Map<string, FloorGame>();
const players = new Map<string, FloorPlayer>();
const playersByToken = new Map<string, FloorPlayer>();

const id = () => randomBytes(9).toString("base64url");
const fail = (code: ErrorCode): { ok: false; error: ErrorBody } => ({ ok: false, error: { code, message: code } });
const gameRoom = (gameId: string) => `game:${gameId}`;
const hostRoom = (gameId: string) => `host:${gameId}`;

const httpServer = createServer((_req, res) => {
  res.writeHead(404);
  res.end();
});
const io = new Server(httpServer, SOCKET_SERVER_OPTIONS);
const play = io.of("/play") as unknown as Namespace<
  PlayClientToServer,
  PlayServerToClient,
  Record<string, never>,
  { playerId?: string }
>;
const host = io.of("/host") as unknown as Namespace<
  HostClientToServer,
  HostServerToClient,
  Record<string, never>,
  Record<string, never>
>;

// --- views ---

function publicQuestion(game: FloorGame): PublicQuestion | null {
  const q = questions[game.questionIndex];
  if (!q || game.phase === "lobby" || game.phase === "ended") return null;
  const limit = q.timeLimitSec * 1000;
  return {
    index: game.questionIndex,
    count: questions.length,
    kind: q.kind,
    text: q.text,
    options: q.options.map((text, i) => ({ id: String.fromCharCode(97 + i), text })),
    points: q.points,
    timeLimitMs: limit,
    timeLeftMs: game.phase === "question" ? Math.max(0, limit - (Date.now() - game.openedAt)) : 0,
    imageUrl: null,
  };
}

/** A phone's view; with no player, the one payload broadcast to the whole room. */
function playerView(game: FloorGame, player: FloorPlayer | null): PlayerView {
  const base = {
    nickname: player?.nickname ?? "",
    score: player?.score ?? 0,
    rank: null,
    paused: false,
    playerCount: game.players.size,
    questionCount: questions.length,
  };
  const question = publicQuestion(game);
  const answer = player?.answers.get(game.questionIndex);
  if (game.phase === "question" && question) {
    return { ...base, phase: "question", question, answeredOptionIds: answer?.optionIds ?? null };
  }
  if (game.phase === "reveal" && question) {
    return {
      ...base,
      phase: "reveal",
      question,
      answeredOptionIds: answer?.optionIds ?? null,
      correct: answer?.correct ?? false,
      points: answer?.points ?? 0,
      bonus: 0,
      streak: player?.streak ?? 0,
      skipped: false,
      correctOptionIds: [correctOptionId(game.questionIndex)],
      explanation: questions[game.questionIndex]?.explanation ?? "",
      rationales: [],
    };
  }
  if (game.phase === "leaderboard") return { ...base, phase: "leaderboard", questionIndex: game.questionIndex };
  if (game.phase === "ended") {
    return {
      ...base,
      phase: "ended",
      correctCount: player?.correctCount ?? 0,
      questionsPlayed: game.questionIndex + 1,
      reviewUrl: null,
    };
  }
  return { ...base, phase: "lobby" };
}

function hostView(game: FloorGame): HostView {
  const revealed = game.phase === "reveal";
  let connected = 0;
  for (const p of game.players.values()) if (p.socket) connected += 1;
  return {
    gameId: game.id,
    phase: game.phase,
    paused: false,
    locked: false,
    pin: game.pin,
    joinUrl: `/join?pin=${game.pin}`,
    deckTitle: deck.title,
    language: deck.language,
    questionCount: questions.length,
    players: [],
    question: publicQuestion(game),
    answeredCount: game.answered,
    connectedCount: connected,
    correctOptionIds: revealed ? [correctOptionId(game.questionIndex)] : null,
    optionCounts: revealed ? game.optionCounts : null,
    explanation: revealed ? (questions[game.questionIndex]?.explanation ?? "") : null,
    skipped: false,
    leaderboard: [],
  };
}

// --- output ---

function emitHost(game: FloorGame): void {
  if (game.hostTimer) clearTimeout(game.hostTimer);
  game.hostTimer = null;
  game.lastHostEmit = Date.now();
  host.to(hostRoom(game.id)).emit("state", hostView(game));
}

function scheduleHost(game: FloorGame): void {
  if (game.hostTimer) return;
  const wait = Math.max(0, game.lastHostEmit + HOST_UPDATE_INTERVAL_MS - Date.now());
  game.hostTimer = setTimeout(() => emitHost(game), wait);
}

function scheduleLobby(game: FloorGame): void {
  if (game.lobbyTimer) return;
  game.lobbyTimer = setTimeout(() => {
    game.lobbyTimer = null;
    if (game.phase === "lobby") play.to(gameRoom(game.id)).emit("state", playerView(game, null));
  }, LOBBY_UPDATE_INTERVAL_MS);
}

/** A phase change: one broadcast to the room (question, leaderboard) or one view per phone (reveal, end). */
function changePhase(game: FloorGame, phase: Phase): void {
  game.phase = phase;
  if (game.deadline) clearTimeout(game.deadline);
  game.deadline = null;
  emitHost(game);
  if (phase === "reveal" || phase === "ended") {
    for (const player of game.players.values()) player.socket?.emit("state", playerView(game, player));
  } else {
    play.to(gameRoom(game.id)).emit("state", playerView(game, null));
  }
}

function openQuestion(game: FloorGame, index: number): void {
  const q = questions[index];
  if (!q) return changePhase(game, "ended");
  game.questionIndex = index;
  game.openedAt = Date.now();
  game.answered = 0;
  game.optionCounts = Object.fromEntries(q.options.map((_, i) => [String.fromCharCode(97 + i), 0]));
  changePhase(game, "question");
  game.deadline = setTimeout(() => closeQuestion(game), q.timeLimitSec * 1000 + 5);
}

function closeQuestion(game: FloorGame): void {
  if (game.phase !== "question") return;
  for (const player of game.players.values()) {
    const answer = player.answers.get(game.questionIndex);
    if (answer?.correct) {
      player.score += answer.points;
      player.streak += 1;
      player.correctCount += 1;
    } else player.streak = 0;
  }
  changePhase(game, "reveal");
}

// --- /host ---

host.on("connection", (socket: HostSocket) => {
  const owned = (gameId: string) => games.get(gameId);
  socket.on("create", (_payload, ack) => {
    let pin: string;
    do pin = String(randomInt(0, 1_000_000)).padStart(6, "0");
    while (gamesByPin.has(pin));
    const game: FloorGame = {
      id: id(),
      pin,
      phase: "lobby",
      questionIndex: -1,
      openedAt: 0,
      players: new Map(),
      nicknames: new Set(),
      answered: 0,
      optionCounts: {},
      deadline: null,
      hostTimer: null,
      lastHostEmit: 0,
      lobbyTimer: null,
    };
    games.set(game.id, game);
    gamesByPin.set(pin, game);
    void socket.join(hostRoom(game.id));
    ack({ ok: true, gameId: game.id, pin, joinUrl: `/join?pin=${pin}` });
  });
  socket.on("attach", ({ gameId }, ack) => {
    const game = owned(gameId);
    if (!game) return ack(fail("NOT_FOUND"));
    void socket.join(hostRoom(gameId));
    ack({ ok: true, state: hostView(game) });
  });
  socket.on("start", ({ gameId }, ack) => {
    const game = owned(gameId);
    if (!game) return ack(fail("NOT_FOUND"));
    if (game.phase !== "lobby") return ack(fail("WRONG_PHASE"));
    if (game.lobbyTimer) clearTimeout(game.lobbyTimer);
    game.lobbyTimer = null;
    openQuestion(game, 0);
    ack({ ok: true });
  });
  socket.on("next", ({ gameId }, ack) => {
    const game = owned(gameId);
    if (!game) return ack(fail("NOT_FOUND"));
    if (game.phase === "reveal") changePhase(game, "leaderboard");
    else if (game.phase === "leaderboard") openQuestion(game, game.questionIndex + 1);
    else return ack(fail("WRONG_PHASE"));
    ack({ ok: true });
  });
  socket.on("skip", ({ gameId }, ack) => {
    const game = owned(gameId);
    if (!game) return ack(fail("NOT_FOUND"));
    if (game.phase !== "question") return ack(fail("WRONG_PHASE"));
    closeQuestion(game);
    ack({ ok: true });
  });
  socket.on("end", ({ gameId }, ack) => {
    const game = owned(gameId);
    if (!game) return ack(fail("NOT_FOUND"));
    if (game.phase === "ended") return ack(fail("WRONG_PHASE"));
    changePhase(game, "ended");
    ack({ ok: true });
  });
  // Not part of what the bench plays: refused, so nobody mistakes the floor for a game server.
  for (const event of ["pause", "resume", "lock", "kick"] as const) {
    socket.on(event, (_payload: unknown, ack: (response: Ack) => void) => ack(fail("WRONG_PHASE")));
  }
});

// --- /play ---

function bind(socket: PlaySocket, player: FloorPlayer, game: FloorGame): void {
  if (player.socket && player.socket !== socket) void player.socket.leave(gameRoom(game.id));
  player.socket = socket;
  socket.data.playerId = player.id;
  void socket.join(gameRoom(game.id));
}

play.on("connection", (socket: PlaySocket) => {
  socket.on("join", ({ pin, nickname }, ack) => {
    const game = gamesByPin.get(pin);
    if (!game || game.phase === "ended") return ack(fail("NOT_FOUND"));
    const key = nickname.trim().toLowerCase();
    if (!key || key.length > 20) return ack(fail("NICKNAME_INVALID"));
    if (game.nicknames.has(key)) return ack(fail("NICKNAME_TAKEN"));
    game.nicknames.add(key);
    const player: FloorPlayer = {
      id: id(),
      gameId: game.id,
      nickname: nickname.trim(),
      token: randomBytes(24).toString("base64url"),
      score: 0,
      streak: 0,
      correctCount: 0,
      socket: null,
      answers: new Map(),
    };
    game.players.set(player.id, player);
    players.set(player.id, player);
    playersByToken.set(player.token, player);
    bind(socket, player, game);
    const state = playerView(game, player);
    ack({ ok: true, playerId: player.id, token: player.token, state });
    socket.emit("state", state);
    scheduleHost(game);
    if (game.phase === "lobby") scheduleLobby(game);
  });

  socket.on("rejoin", ({ token }, ack) => {
    const player = playersByToken.get(token);
    const game = player ? games.get(player.gameId) : undefined;
    if (!player || !game) return ack(fail("NOT_FOUND"));
    bind(socket, player, game);
    const state = playerView(game, player);
    ack({ ok: true, playerId: player.id, state });
    socket.emit("state", state);
    scheduleHost(game);
  });

  socket.on("answer", ({ questionIndex, optionIds }, ack) => {
    const player = socket.data.playerId ? players.get(socket.data.playerId) : undefined;
    const game = player ? games.get(player.gameId) : undefined;
    if (!player || !game) return ack(fail("NOT_FOUND"));
    if (player.answers.has(questionIndex)) return ack(fail("ALREADY_ANSWERED"));
    if (questionIndex !== game.questionIndex) return ack(fail("WRONG_PHASE"));
    if (game.phase !== "question") return ack(fail("LATE"));
    const q = questions[questionIndex];
    const limit = (q?.timeLimitSec ?? 0) * 1000;
    const elapsed = Date.now() - game.openedAt;
    const correct = optionIds.length === 1 && optionIds[0] === correctOptionId(questionIndex);
    const points = correct ? Math.round(1000 * (1 - elapsed / limit / 2)) : 0;
    player.answers.set(questionIndex, { optionIds, correct, points });
    game.answered += 1;
    for (const option of optionIds) game.optionCounts[option] = (game.optionCounts[option] ?? 0) + 1;
    ack({ ok: true });
    if (game.answered === game.players.size) closeQuestion(game);
    else scheduleHost(game);
  });

  socket.on("disconnect", () => {
    const player = socket.data.playerId ? players.get(socket.data.playerId) : undefined;
    if (player?.socket !== socket) return;
    player.socket = null;
    const game = games.get(player.gameId);
    if (game) scheduleHost(game);
  });
});

httpServer.listen(Number(args.port), "127.0.0.1", () => {
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : 0;
  console.log(`FLOOR_LISTENING port=${port}`);
});

// stdin is the lifeline: when the bench goes, so does the floor.
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => process.exit(0));
