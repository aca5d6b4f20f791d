// Nickname rules (R-NICKNAME): NFKC, trimmed, 1–20 characters, no control or
// bidi-override characters, no stacked combining marks, no profanity (Korean and
// English). `key` is the case-folded form that must be unique in a game.
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from "obscenity";
import { MAX_NICKNAME_LENGTH } from "./contract";
import { KOREAN_PROFANITY } from "./korean-profanity";

export type NicknameCheck =
  | { ok: true; nickname: string; key: string }
  | { ok: false; reason: "empty" | "too_long" | "characters" | "offensive" };

const english = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const STACKED_MARKS = /\p{M}{2,}/u;

/** Hangul compatibility jamo and letters only: "ㅅ.ㅂ", "시 발" and "씨1발" match alike. */
function squeezeForMatching(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}]/gu, "");
}

// NFKC turns compatibility jamo (ㅅ) into conjoining jamo (ᄉ): the list is squeezed alike.
const KOREAN_WORDS = KOREAN_PROFANITY.map(squeezeForMatching);

export function checkNickname(raw: string): NicknameCheck {
  const nickname = raw.normalize("NFKC").replace(/\s+/g, " ").trim();
  if (nickname.length === 0) return { ok: false, reason: "empty" };
  if ([...nickname].length > MAX_NICKNAME_LENGTH) return { ok: false, reason: "too_long" };
  if (CONTROL.test(nickname) || STACKED_MARKS.test(nickname)) return { ok: false, reason: "characters" };
  const squeezed = squeezeForMatching(nickname);
  if (english.hasMatch(nickname) || KOREAN_WORDS.some((word) => squeezed.includes(word))) {
    return { ok: false, reason: "offensive" };
  }
  return { ok: true, nickname, key: nickname.toLowerCase() };
}
