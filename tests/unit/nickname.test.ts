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

  it("R-NICKNAME: 1–20 characters counted after normalising and trimming, by grapheme", async () => {
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

  it("R-NICKNAME: invisible characters never make a look-alike: they are removed, and the key ignores them", async () => {
    const invisible = [
      "\uFE0F", // variation selector-16
      "\uFE00", // variation selector-1
      "\u034F", // combining grapheme joiner
      "\u3164", // Hangul filler
      "\uFFA0", // half-width Hangul filler
      "\u115F", // Hangul choseong filler
      "\u1160", // Hangul jungseong filler
      "\u2800", // Braille pattern blank
      "\u200B", // zero-width space
      "\u200C", // zero-width non-joiner
      "\u200D", // zero-width joiner
      "\u2060", // word joiner
      "\uFEFF", // zero-width no-break space
      "\u00AD", // soft hyphen
      "\u180E", // Mongolian vowel separator
      "\u{E0061}", // tag letter a
    ];
    for (const mark of invisible) {
      const label = mark.codePointAt(0)?.toString(16);
      expect(await check(`Alice${mark}`), label).toEqual({ ok: true, nickname: "Alice", key: "alice" });
      expect(await check(`Al${mark}ice`), label).toEqual({ ok: true, nickname: "Alice", key: "alice" });
      expect(await check(`${mark}민지`), label).toEqual({ ok: true, nickname: "민지", key: "민지" });
      expect(await check(mark.repeat(3)), label).toEqual({ ok: false, reason: "invisible" });
      expect(await check(` ${mark} ${mark} `), label).toEqual({ ok: false, reason: "invisible" });
    }
  });

  it("R-NICKNAME: emoji sequences are accepted whole and count as one character each", async () => {
    const emoji = [
      "👩\u200D💻",
      "🇰🇷",
      "👨\u200D👩\u200D👧\u200D👦",
      "❤\uFE0F",
      "1\uFE0F\u20E3",
      "👍🏽",
      "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
    ];
    for (const sequence of emoji) {
      const named = `${sequence} Dev`;
      expect(await check(named), named).toMatchObject({ ok: true, nickname: named });
      expect(await check(sequence.repeat(20)), sequence).toMatchObject({ ok: true });
      expect(await check(sequence.repeat(21)), sequence).toEqual({ ok: false, reason: "too_long" });
    }
    expect(await check("👩\u200D💻 민지 🇰🇷")).toMatchObject({ ok: true, nickname: "👩\u200D💻 민지 🇰🇷" });
  });

  it("R-NICKNAME: Hangul jamo stay as typed (NFKC would turn ㅋ into a fragment)", async () => {
    expect(await check("ㅋㅋ민수")).toMatchObject({ ok: true, nickname: "ㅋㅋ민수" });
    expect(await check("ㅎㅇ")).toMatchObject({ ok: true, nickname: "ㅎㅇ" });
  });

  it("R-NICKNAME: everyday Korean and English names and words pass", async () => {
    const ordinary = [
      // Korean words holding a listed pair: a mini-me, dog breeds, body parts, places, everyday words
      "미니미",
      "시바견",
      "시바이누",
      "새끼손가락",
      "새끼발가락",
      "새끼고양이",
      "시발점",
      "시발역",
      "등신대",
      "보지마",
      "자지마",
      "걸레질",
      "애비뉴",
      "니미츠",
      "시바우라",
      "한남동",
      "미친듯이",
      // Korean full names, spaced or not, that would spell a listed word without the space
      "등 신혜",
      "등신혜",
      "등 신 혜",
      "김민수",
      "박지성",
      "이지은",
      // English names and places that hold a listed word
      "Dick",
      "Dickson",
      "Moby Dick",
      "Cummings",
      "Dikshit",
      "Analisa",
      "Penistone",
      "Semenya",
      "Pornchai",
      "Shittu",
      "Fagan",
      "Hancock",
      "Cockburn",
      "Assange",
      "Scunthorpe",
      "Sussex",
      "Shih Tzu",
      "Van Dyke",
      "Therapist",
      "Grape",
      // numbers of their own are numbers, not leet-speak letters
      "b0-455",
      "Team 7177",
      "Kim 455",
      "Player 5318008",
    ];
    for (const name of ordinary) expect((await check(name)).ok, name).toBe(true);
  });

  it("R-NICKNAME: insults disguised by spaces, dots, dashes, underscores or digits are refused in both languages", async () => {
    const disguised = [
      "f u c k",
      "f.u.c.k",
      "f-u-c-k",
      "f_u_c_k",
      "F U C K you",
      "s h i t",
      "b.i.t.c.h",
      "a s s h o l e",
      "c u n t",
      "w_a_n_k_e_r",
      "d i c k",
      "dickhead",
      "dick head",
      "시 발",
      "시.발",
      "시-발",
      "시_발",
      "씨1발",
      "ㅅ.ㅂ",
      "개 새 끼",
      "시발놈",
      "시발놈아",
      "병신아",
      "너병신",
      "좆같은",
      "개병신",
      "지랄하네",
      "이새끼",
      "시바",
      "니미",
    ];
    for (const insult of disguised) {
      expect(await check(insult), insult).toEqual({ ok: false, reason: "offensive" });
    }
  });
});
