// Human-readable messages for the protocol's error codes, in the client's language.
import type { ErrorBody, ErrorCode, Locale } from "./contract";
import type { NicknameRefusal } from "./nickname";
import { resolveLocale } from "./i18n/locale";

const MESSAGES: Record<ErrorCode, Record<Locale, string>> = {
  INVALID_PAYLOAD: { en: "That request was not understood.", ko: "요청 형식이 올바르지 않습니다." },
  NOT_FOUND: { en: "No such game (check the PIN).", ko: "해당 게임을 찾을 수 없습니다. PIN을 확인하세요." },
  FORBIDDEN: { en: "You may not do that.", ko: "권한이 없습니다." },
  WRONG_PHASE: { en: "Not possible at this point of the game.", ko: "지금 단계에서는 할 수 없습니다." },
  LOCKED: { en: "The host has locked this game.", ko: "진행자가 입장을 잠갔습니다." },
  NICKNAME_TAKEN: { en: "That nickname is taken in this game.", ko: "이미 사용 중인 닉네임입니다." },
  NICKNAME_INVALID: {
    en: "Choose another nickname (1–20 characters, nothing offensive).",
    ko: "다른 닉네임을 입력하세요 (1–20자, 부적절한 표현 불가).",
  },
  LATE: { en: "Time is up for that question.", ko: "이 문제의 제한 시간이 지났습니다." },
  ALREADY_ANSWERED: { en: "You have already answered.", ko: "이미 답을 제출했습니다." },
  RATE_LIMITED: { en: "Too many requests: wait a moment.", ko: "요청이 너무 많습니다. 잠시 후 다시 시도하세요." },
  GAME_FULL: { en: "This game is full.", ko: "게임 정원이 찼습니다." },
  PAUSED: { en: "The game is paused.", ko: "게임이 일시 정지되었습니다." },
  KICKED: { en: "You were removed from this game.", ko: "진행자가 게임에서 내보냈습니다." },
  GAME_ENDED: {
    en: "That game has ended: ask your instructor for the new PIN.",
    ko: "이미 끝난 게임입니다. 진행자에게 새 PIN을 물어보세요.",
  },
  UNAVAILABLE: {
    en: "The server could not save that: try again.",
    ko: "서버가 저장하지 못했습니다. 다시 시도하세요.",
  },
};

/** Why a nickname was refused (NICKNAME_INVALID's message), in the phone's language. */
const NICKNAME_REFUSALS: Record<NicknameRefusal, Record<Locale, string>> = {
  empty: { en: "Type a nickname.", ko: "닉네임을 입력하세요." },
  invisible: {
    en: "That nickname has no visible character: type letters, digits or emoji.",
    ko: "보이는 글자가 없는 닉네임입니다. 글자, 숫자, 이모지를 입력하세요.",
  },
  too_long: {
    en: "That nickname is too long: 20 characters at most.",
    ko: "닉네임이 너무 깁니다. 20자까지 가능합니다.",
  },
  characters: {
    en: "That nickname holds control or direction characters: type it again plainly.",
    ko: "닉네임에 제어 문자나 방향 문자가 들어 있습니다. 다시 입력하세요.",
  },
  offensive: {
    en: "That nickname looks offensive: choose another.",
    ko: "부적절한 표현이 들어 있는 닉네임입니다. 다른 닉네임을 입력하세요.",
  },
};

export function nicknameRefusal(reason: NicknameRefusal, locale: Locale): ErrorBody {
  return errorBody("NICKNAME_INVALID", locale, NICKNAME_REFUSALS[reason][locale]);
}

export function errorBody(code: ErrorCode, locale: Locale = "en", message?: string): ErrorBody {
  return { code, message: message ?? MESSAGES[code][locale] };
}

/**
 * The client's language for error messages: its explicit choice (the socket's
 * `auth.locale`), else Accept-Language read by the same rules as the pages.
 */
export function pickLocale(explicit: unknown, acceptLanguage: string | undefined): Locale {
  return resolveLocale(typeof explicit === "string" ? explicit : null, acceptLanguage);
}
