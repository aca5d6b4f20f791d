import { beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_NICKNAME_LENGTH } from "../../lib/contract";

// The module is loaded afresh inside each test: its word lists and patterns are
// built when it loads, and a load that fails (or builds them wrong) must fail the
// tests themselves. Mutation testing counts failed tests only, and credits a
// module's load to the test that ran it.
beforeEach(() => {
  vi.resetModules();
});
const check = async (raw: string) => (await import("../../lib/nickname")).checkNickname(raw);

describe("nicknames", () => {
  it("R-NICKNAME: trimmed and NFKC-normalised; the key is case-folded", async () => {
    expect(await check("  Ｋｉｍ  ")).toEqual({ ok: true, nickname: "Kim", key: "kim" });
    expect(await check("민지")).toMatchObject({ ok: true, nickname: "민지" });
    expect(await check("ÄBC")).toEqual({ ok: true, nickname: "ÄBC", key: "äbc" });
    // NFKC composes a letter and its accent into one character.
    expect(await check("Zoe\u0308")).toEqual({ ok: true, nickname: "Zoë", key: "zoë" });
  });

  it("R-NICKNAME: runs of whitespace, tabs and line breaks become one space", async () => {
    expect(await check("Kim \t  Min\u3000Ji")).toEqual({ ok: true, nickname: "Kim Min Ji", key: "kim min ji" });
    expect(await check("Kim\nMin\u2028Ji")).toMatchObject({ ok: true, nickname: "Kim Min Ji" });
  });

  it("R-NICKNAME: empty, over-long, control, bidi and stacked marks are refused", async () => {
    expect(await check("   ")).toEqual({ ok: false, reason: "empty" });
    expect(await check("")).toEqual({ ok: false, reason: "empty" });
    expect(await check("x".repeat(21))).toEqual({ ok: false, reason: "too_long" });
    expect((await check("가".repeat(20))).ok).toBe(true);
    expect(await check("bad\u202Eeman")).toEqual({ ok: false, reason: "characters" });
    expect(await check("a\u0000b")).toEqual({ ok: false, reason: "characters" });
    expect(await check("Z\u0301\u0302\u0303\u0304")).toEqual({ ok: false, reason: "characters" });
  });

  it("R-NICKNAME: 1–20 characters counted after normalising and trimming, by code point", async () => {
    expect(await check(` ${"x".repeat(MAX_NICKNAME_LENGTH)} `)).toMatchObject({ ok: true });
    expect(await check("x")).toMatchObject({ ok: true, nickname: "x" });
    // Twenty emoji are forty UTF-16 units, still twenty characters.
    expect(await check("😀".repeat(20))).toMatchObject({ ok: true });
    expect(await check("😀".repeat(21))).toEqual({ ok: false, reason: "too_long" });
    // The ligature ﬀ is two letters once NFKC-normalised.
    expect(await check("ﬀ".repeat(10))).toMatchObject({ ok: true, nickname: "f".repeat(20) });
    expect(await check("ﬀ".repeat(11))).toEqual({ ok: false, reason: "too_long" });
  });

  it("R-NICKNAME: control and bidi characters are refused anywhere", async () => {
    for (const bad of ["a\u0007b", "\u001B[31mred", "a\u202Db", "a\u2066b\u2069", "\u202Eabc"]) {
      expect(await check(bad), JSON.stringify(bad)).toEqual({ ok: false, reason: "characters" });
    }
  });

  it("R-NICKNAME: one combining mark on a letter is fine; two stacked are not", async () => {
    for (const fine of ["a\u0332", "नमस्ते", "กิน"]) {
      expect(await check(fine), fine).toMatchObject({ ok: true, nickname: fine });
    }
    expect(await check("a\u0332\u0332")).toEqual({ ok: false, reason: "characters" });
    expect(await check("ok\u0E34\u0E48\u0E34")).toEqual({ ok: false, reason: "characters" });
  });

  it("R-NICKNAME: profanity in English and Korean, also disguised", async () => {
    const offensive = [
      "fuck",
      "FuCk you",
      "shithead",
      "sh1t",
      "fuuuuck",
      "ｆｕｃｋ",
      "a$$hole",
      "씨발",
      "시 발",
      "ㅅㅂ",
      "ㅆ ㅂ",
      "ᄉᄇ",
      "병1신",
      "개.새.끼",
      "씨1발",
      "나는씨발",
      "너병신",
    ];
    for (const bad of offensive) {
      expect(await check(bad), bad).toEqual({ ok: false, reason: "offensive" });
    }
    for (const fine of ["Scunthorpe", "class", "민수", "Assessor", "데이터엔지니어", "cocktail", "Dickens"]) {
      expect((await check(fine)).ok, fine).toBe(true);
    }
  });
});
