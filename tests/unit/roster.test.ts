// The roster's counts and indexes, the in-place apply and the one-walk views
// (issue 17) against plain recounts: whole random games (scenarioArb) are played
// twice, copying and in place, and after every step the two must agree, the
// copying run must leave its input untouched, and every count must equal a count
// made from scratch. The recounts here share no code with server/game/roster.ts.
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HOST_NAME_LIST_MAX } from "../../lib/contract";
import { apply, newPlayer, RECONNECT_GRACE_MS } from "../../server/game/engine";
import { activeInJoinOrder, allWaitedForAnswered, putPlayer, rosterOf, writable } from "../../server/game/roster";
import type { Command, GameState, Outcome, PlayerState } from "../../server/game/types";
import { hostView, leaderboard, phoneViews, playerView } from "../../server/game/views";
import {
  commandsFor,
  type Cursor,
  game,
  must,
  openingOf,
  propertyRuns,
  question,
  type Scenario,
  scenarioArb,
  scenarioGame,
  withPlayers,
} from "./helpers";

// --- recounts from scratch ---

const live = (s: GameState) => Object.values(s.players).filter((p) => !p.kicked);
const bySeq = (players: PlayerState[]) => [...players].sort((a, b) => a.seq - b.seq);
const answered = (s: GameState, id: string) => Object.hasOwn(s.answers[s.questionIndex] ?? {}, id);

function recount(s: GameState) {
  const active = live(s);
  const connected = active.filter((p) => p.connected);
  const away = active.filter((p) => !p.connected && p.disconnectedAt !== null);
  return {
    joinOrder: bySeq(Object.values(s.players)).map((p) => p.id),
    nicknameKeys: Object.values(s.players)
      .map((p) => p.nicknameKey)
      .sort(),
    active: active.length,
    connected: connected.length,
    away: Object.fromEntries(away.map((p) => [p.id, p.disconnectedAt])),
    answeredActive: active.filter((p) => answered(s, p.id)).length,
    answeredConnected: connected.filter((p) => answered(s, p.id)).length,
  };
}

function counted(s: GameState) {
  const r = rosterOf(s);
  return {
    joinOrder: [...r.joinOrder],
    nicknameKeys: [...r.nicknameKeys].sort(),
    active: r.active,
    connected: r.connected,
    away: Object.fromEntries(r.away),
    answeredActive: r.answered.active,
    answeredConnected: r.answered.connected,
  };
}

/** R-AUTO-CLOSE's waiting rule, from scratch. */
function allWaitedForAnsweredByScan(s: GameState, now: number): boolean {
  const waiting = live(s).filter(
    (p) => p.connected || (p.disconnectedAt !== null && now - p.disconnectedAt < RECONNECT_GRACE_MS),
  );
  return waiting.length > 0 && waiting.every((p) => answered(s, p.id));
}

/** The projector's view as it was built before issue 17: sort, filter, count. */
function hostViewByScan(s: GameState, now: number, joinUrl: string) {
  const view = hostView(s, now, joinUrl);
  const players = bySeq(live(s));
  const away = players.filter((p) => !p.connected);
  const asking = s.phase === "question";
  const unanswered = asking ? players.filter((p) => !answered(s, p.id)) : [];
  const ref = (p: PlayerState) => ({ id: p.id, nickname: p.nickname, connected: p.connected });
  const ranked = players
    .filter((p) => p.rank !== null)
    .sort((a, b) => b.score - a.score || a.totalTimeMs - b.totalTimeMs || a.seq - b.seq)
    .slice(0, 5);
  return {
    ...view,
    players: players.map((p) => ({ id: p.id, nickname: p.nickname, score: p.score, connected: p.connected })),
    answeredCount: players.filter((p) => answered(s, p.id)).length,
    connectedCount: players.length - away.length,
    playerCount: players.length,
    awayCount: away.length,
    unansweredCount: unanswered.length,
    unanswered: unanswered.slice(0, HOST_NAME_LIST_MAX).map(ref),
    away: away.slice(0, HOST_NAME_LIST_MAX).map(ref),
    leaderboard: ranked.map((p) => ({
      playerId: p.id,
      nickname: p.nickname,
      score: p.score,
      rank: p.rank,
      previousRank: p.previousRank,
      streak: p.streak,
    })),
  };
}

// --- the property ---

function same(what: string, actual: unknown, expected: unknown) {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, what).toEqual(expected);
}

const effectsOf = (o: Outcome) => (o.ok ? o.effects : o.code);

function playBoth(scenario: Scenario) {
  let copying = scenarioGame(scenario);
  let inPlace = scenarioGame(scenario);
  const cursor: Cursor = { now: 1_000, joins: 0 };
  const play = (commands: [Command, number][]) => {
    for (const [command, now] of commands) {
      const where = `${JSON.stringify(command)} at ${now} in ${copying.phase}`;
      const before = structuredClone(copying);
      const a = apply(copying, command, now);
      same(`${where}: the copying apply changed its input`, copying, before);
      const b = apply(inPlace, command, now, { inPlace: true });
      same(`${where}: effects`, effectsOf(b), effectsOf(a));
      same(`${where}: state`, b.state, a.state);
      if (!b.ok) expect(b.state, `${where}: refused in place`).toBe(inPlace);
      copying = a.state;
      inPlace = b.state;
      same(`${where}: counts in place`, counted(inPlace), recount(inPlace));
      same(`${where}: counts copying`, counted(copying), recount(copying));
      same(
        `${where}: waited for`,
        allWaitedForAnswered(inPlace, now, RECONNECT_GRACE_MS),
        allWaitedForAnsweredByScan(inPlace, now),
      );
      same(`${where}: host view`, hostView(inPlace, now, "u"), hostViewByScan(inPlace, now, "u"));
      const phones = Object.fromEntries(phoneViews(inPlace, now));
      const one = Object.fromEntries(live(inPlace).map((p) => [p.id, playerView(inPlace, p.id, now)]));
      same(`${where}: phone views`, phones, one);
    }
  };
  play(openingOf(scenario, cursor));
  for (const step of scenario.steps) {
    if (copying.phase === "ended") break;
    play(commandsFor(copying, step, cursor));
  }
}

describe("roster: counts and indexes beside the players (issue 17)", { timeout: 120_000 }, () => {
  it("R-AUTO-CLOSE, R-JOIN: in place and copying agree at every step, and every count equals a recount", () => {
    fc.assert(fc.property(scenarioArb, playBoth), propertyRuns(60));
  });

  it("a copying apply leaves the input's maps and counts as they were; one in place changes them", () => {
    const s = must(withPlayers(game(), ["ann", "bob"]), { type: "start" }, 0);
    const answer: Command = { type: "answer", playerId: "ann", questionIndex: 0, optionIds: ["b"] };
    const copied = must(s, answer, 100);
    expect([s.answers[0], rosterOf(s).answered.active]).toEqual([undefined, 0]);
    expect([copied.answers[0]?.ann?.timeMs, rosterOf(copied).answered.active]).toEqual([100, 1]);
    const owned = apply(s, answer, 100, { inPlace: true });
    expect(owned.ok && owned.state.players).toBe(s.players);
    expect([s.answers[0]?.ann?.timeMs, rosterOf(s).answered.active]).toEqual([100, 1]);
  });

  it("an answer, a revoke and a reconnect in place are counted, not recounted", () => {
    let s = must(withPlayers(game(), ["ann", "bob", "cat"]), { type: "start" }, 0);
    const roster = rosterOf(s);
    const tally = roster.answered;
    expect(rosterOf(s)).toBe(roster);
    const step = (command: Command, now: number) => {
      const outcome = apply(s, command, now, { inPlace: true });
      if (!outcome.ok) throw new Error(outcome.code);
      s = outcome.state;
    };
    step({ type: "answer", playerId: "ann", questionIndex: 0, optionIds: ["b"] }, 100);
    const answers = s.answers[0];
    step({ type: "answer", playerId: "bob", questionIndex: 0, optionIds: ["a"] }, 200);
    expect(s.answers[0]).toBe(answers);
    step({ type: "disconnect", playerId: "bob" }, 300);
    step({ type: "revokeAnswer", playerId: "ann", questionIndex: 0 }, 400);
    expect(rosterOf(s)).toBe(roster);
    expect(rosterOf(s).answered).toBe(tally);
    expect([tally.active, tally.connected, roster.connected]).toEqual([1, 0, 2]);
    // The next question: answers to the last one may still be taken back, counted nowhere.
    step({ type: "skip" }, 500);
    step({ type: "next" }, 600);
    step({ type: "next" }, 700);
    step({ type: "answer", playerId: "cat", questionIndex: 1, optionIds: ["a"] }, 800);
    const next = rosterOf(s);
    const nextTally = next.answered;
    step({ type: "revokeAnswer", playerId: "bob", questionIndex: 0 }, 900);
    expect(rosterOf(s).answered).toBe(nextTally);
    expect([nextTally.questionIndex, nextTally.active, s.answers[0]]).toEqual([1, 1, {}]);
  });

  it("a state made by hand, or whose maps were replaced, is counted afresh", () => {
    const s = withPlayers(game(), ["ann", "bob", "cat"]);
    expect(rosterOf(s).active).toBe(3);
    // As a restart brings players back: away, with no time of leaving (not in the grace).
    const dan = newPlayer({ id: "dan", nickname: "Dan", nicknameKey: "dan", seq: 3, connected: false, kicked: false });
    const restored = { ...s, players: { ...s.players, dan } };
    expect(counted(restored)).toEqual(recount(restored));
    expect([rosterOf(restored).active, rosterOf(restored).connected, rosterOf(restored).away.size]).toEqual([4, 3, 0]);
    const handMade = { ...s, players: { ...s.players, bob: { ...s.players.bob!, kicked: true } } };
    expect([rosterOf(handMade).active, rosterOf(s).active]).toEqual([2, 3]);
    // Players listed out of join order are walked in join order.
    const shuffled = { ...s, players: { cat: s.players.cat!, ann: s.players.ann!, bob: s.players.bob! } };
    expect([...activeInJoinOrder(shuffled)].map((p) => p.id)).toEqual(["ann", "bob", "cat"]);
  });

  it("a player put again under another nickname is counted afresh", () => {
    const s = writable(withPlayers(game(), ["ann", "bob"]), true);
    putPlayer(s, { ...s.players.bob!, nicknameKey: "robert", connected: false, disconnectedAt: 5 });
    expect(counted(s)).toEqual(recount(s));
    expect(rosterOf(s).nicknameKeys.has("bob")).toBe(false);
    const zoe = newPlayer({ id: "zoe", nickname: "Zoe", nicknameKey: "zoe", seq: 2, connected: true, kicked: false });
    putPlayer(s, zoe);
    expect(counted(s)).toEqual(recount(s));
  });

  it("R-AUTO-CLOSE: a phone away is waited for during its grace only, answered or not", () => {
    let s = must(withPlayers(game(), ["ann", "bob"]), { type: "start" }, 0);
    s = must(s, { type: "disconnect", playerId: "bob" }, 1_000);
    s = must(s, { type: "disconnect", playerId: "ann" }, 2_000);
    // Nobody connected, both away in their grace, neither answered.
    expect(allWaitedForAnswered(s, 2_500, RECONNECT_GRACE_MS)).toBe(false);
    s = must(s, { type: "answer", playerId: "ann", questionIndex: 0, optionIds: ["b"] }, 2_600);
    // bob's grace is still running (1,000 + 5,000 > 5,999), and he has not answered.
    expect(allWaitedForAnswered(s, 5_999, RECONNECT_GRACE_MS)).toBe(false);
    // bob's grace is over; ann, answered, is in hers: she alone is waited for.
    expect(allWaitedForAnswered(s, 6_000, RECONNECT_GRACE_MS)).toBe(true);
    // Everyone's grace is over: nobody is waited for, so nothing closes on "all answered".
    expect(allWaitedForAnswered(s, 7_000, RECONNECT_GRACE_MS)).toBe(false);
  });

  it("the leaderboard keeps the best five by standing, whatever the join order", () => {
    const names = ["a", "b", "c", "d", "e", "f", "g", "h"];
    let s = must(withPlayers(game([question(), question()]), names), { type: "start" }, 0);
    // Later joiners answer sooner: the standings run against the join order.
    names.forEach((id, i) => {
      s = must(s, { type: "answer", playerId: id, questionIndex: 0, optionIds: ["b"] }, 10_000 - i * 1_000);
    });
    s = must(s, { type: "tick" }, 20_000);
    expect(leaderboard(s).map((e) => [e.playerId, e.rank])).toEqual([
      ["h", 1],
      ["g", 2],
      ["f", 3],
      ["e", 4],
      ["d", 5],
    ]);
    expect(leaderboard(s, 2).map((e) => e.playerId)).toEqual(["h", "g"]);
    expect(leaderboard(s, 20)).toHaveLength(8);
  });
});
