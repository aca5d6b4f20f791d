import { describe, expect, it } from "vitest";
import { checkNickname } from "../../lib/nickname";

describe("nicknames", () => {
  it("R-NICKNAME: trimmed and NFKC-normalised; the key is case-folded", () => {
    expect(checkNickname("  Ｋｉｍ  ")).toEqual({ ok: true, nickname: "Kim", key: "kim" });
    expect(checkNickname("민지")).toMatchObject({ ok: true, nickname: "민지" });
  });

  it("R-NICKNAME: empty, over-long, control, bidi and stacked marks are refused", () => {
    expect(checkNickname("   ")).toEqual({ ok: false, reason: "empty" });
    expect(checkNickname("x".repeat(21))).toEqual({ ok: false, reason: "too_long" });
    expect(checkNickname("가".repeat(20)).ok).toBe(true);
    expect(checkNickname("bad\u202Eeman")).toEqual({ ok: false, reason: "characters" });
    expect(checkNickname("a\u0000b")).toEqual({ ok: false, reason: "characters" });
    expect(checkNickname("Z\u0301\u0302\u0303\u0304")).toEqual({ ok: false, reason: "characters" });
  });

  it("R-NICKNAME: profanity in English and Korean, also disguised", () => {
    for (const bad of ["fuck", "FuCk you", "shithead", "씨발", "시 발", "ㅅㅂ", "병1신", "개.새.끼"]) {
      expect(checkNickname(bad), bad).toEqual({ ok: false, reason: "offensive" });
    }
    for (const fine of ["Scunthorpe", "class", "민수", "Assessor", "데이터엔지니어"]) {
      expect(checkNickname(fine).ok, fine).toBe(true);
    }
  });
});
