// Nickname rules (R-NICKNAME): normalised (NFKC, but Hangul jamo as typed), blank
// and invisible characters removed, 1–20 user-perceived characters, no control
// or bidi-override characters, no stacked combining marks, nothing offensive in
// English or Korean. `key` is what must be unique in a game: the name with every
// default-ignorable code point removed, case-folded, so look-alikes collide.
import { MAX_NICKNAME_LENGTH } from "./contract";
import { isOffensive } from "./profanity";

export type NicknameRefusal = "empty" | "invisible" | "too_long" | "characters" | "offensive";
export type NicknameCheck = { ok: true; nickname: string; key: string } | { ok: false; reason: NicknameRefusal };

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
/** A whole emoji sequence (ZWJ families, flags, keycaps, tag sequences): kept exactly as typed. */
const EMOJI = new RegExp("^\\p{RGI_Emoji}$", "v");
/**
 * Unicode's Default_Ignorable_Code_Point (variation selectors, joiners, the
 * combining grapheme joiner, Hangul fillers, tags, soft hyphen…) and the
 * blank-looking Braille pattern blank: they draw nothing, or only a blank.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;
/** Controls and the bidi overrides/isolates/marks that reorder what surrounds them. */
const CONTROL = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const STACKED_MARKS = /\p{M}{2,}/u;
/** NFKC turns compatibility jamo (ㅋ) into conjoining jamo (ᄏ), which draw as fragments: keep them. */
const normalise = (text: string) => text.replace(/[^\u3131-\u318E]+/g, (run) => run.normalize("NFKC"));

/**
 * Checks and normalises a nickname as typed.
 * @returns the name to show and its uniqueness key, or the refusal's cause:
 *   `empty` (nothing but spaces), `invisible` (only characters that draw nothing),
 *   `too_long` (over 20 graphemes), `characters` (controls, bidi, stacked marks),
 *   `offensive` (lib/profanity.ts).
 */
export function checkNickname(raw: string): NicknameCheck {
  if (CONTROL.test(raw.replace(/[\t\n\r\f\v]/g, " "))) return { ok: false, reason: "characters" };
  const kept: string[] = [];
  for (const { segment } of graphemes.segment(normalise(raw))) {
    if (EMOJI.test(segment)) {
      kept.push(segment);
      continue;
    }
    const visible = segment.replace(INVISIBLE, "");
    if (STACKED_MARKS.test(visible)) return { ok: false, reason: "characters" };
    kept.push(visible);
  }
  const nickname = kept.join("").replace(/\s+/g, " ").trim();
  // JavaScript's trim() counts the zero-width U+FEFF as a space: it is an invisible character here.
  if (nickname === "") return { ok: false, reason: raw.replace(/\uFEFF/g, "x").trim() === "" ? "empty" : "invisible" };
  if ([...graphemes.segment(nickname)].length > MAX_NICKNAME_LENGTH) return { ok: false, reason: "too_long" };
  if (isOffensive(nickname)) return { ok: false, reason: "offensive" };
  return { ok: true, nickname, key: nicknameKey(nickname) };
}

/**
 * What must be unique in a game: the text with every default-ignorable code point
 * removed, NFKC, case-folded, runs of spaces made one and trimmed. Also folds the
 * host's player search, so "ALICE" finds "alice".
 */
export function nicknameKey(text: string): string {
  return text.replace(INVISIBLE, "").normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}
