// Whether a nickname is offensive, in English and Korean, normalised the same way
// for both: disguises that space, dot, dash or underscore the letters apart
// ("f.u.c.k", "시 발") are joined back, while real words stay apart, so a name
// never becomes an insult by losing its spaces ("등 신혜").
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from "obscenity";
import {
  KOREAN_INSULT_PREFIXES,
  KOREAN_INSULT_SUFFIXES,
  KOREAN_PROFANITY,
  KOREAN_PROFANITY_WHOLE_WORD,
} from "./korean-profanity";

/**
 * Ordinary names that obscenity's English list flags (given names, surnames,
 * places, plants). Each is excused only as a whole word written as a name is, in
 * title case ("Dick", "Moby Dick", "Cummings"): "dickhead", "dick" and "d i c k" still count.
 */
export const ENGLISH_ALLOWLIST: readonly string[] = [
  "Dick",
  "Dickson",
  "Dickinson",
  "Dickerson",
  "Dickey",
  "Hardick",
  "Cummings",
  "Cumming",
  "Dikshit",
  "Analisa",
  "Annalisa",
  "Penistone",
  "Pussycat",
  "Rapeseed",
  "Semen",
  "Semenya",
  "Semenov",
  "Pornchai",
  "Shittu",
  "Fagan",
  "Fagin",
  "Cockburn",
];
const ALLOWED = new Set(ENGLISH_ALLOWLIST);

const english = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const graphemeCount = (text: string) => [...graphemes.segment(text)].length;

interface Word {
  text: string;
  /** Joined from letters typed apart ("f.u.c.k"): never a name, never excused. */
  joined: boolean;
}

/**
 * The nickname's words with letter-spacing disguises undone: split on spaces,
 * punctuation and symbols (not digits: "sh1t" stays one word for obscenity's
 * leet-speak rules), then every run of one-character words joined into one word.
 */
export function wordsOf(nickname: string): Word[] {
  const pieces = nickname.split(/[\s\p{P}\p{S}]+/u).filter((piece) => piece !== "");
  const words: Word[] = [];
  let run: string[] = [];
  const endRun = () => {
    if (run.length > 0) words.push({ text: run.join(""), joined: run.length > 1 });
    run = [];
  };
  for (const piece of pieces) {
    if (graphemeCount(piece) === 1) {
      run.push(piece);
      continue;
    }
    endRun();
    words.push({ text: piece, joined: false });
  }
  endRun();
  return words;
}

const STANDALONE_NUMBER = /(?<![\p{L}\d])\d+(?![\p{L}\d])/gu;
const excused = (word: Word) => !word.joined && ALLOWED.has(word.text);

/** Letters only, NFKC and lower case: "씨1발" and "씨발" alike (the lists are squeezed the same way). */
const squeeze = (text: string) =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}]/gu, "");

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const anyOf = (list: readonly string[]) => list.map((entry) => escape(squeeze(entry))).join("|");
const KOREAN_ANYWHERE = new RegExp(anyOf(KOREAN_PROFANITY), "u");
const KOREAN_WHOLE_WORD = new RegExp(
  `^(?:${anyOf(KOREAN_INSULT_PREFIXES)})*(?:${anyOf(KOREAN_PROFANITY_WHOLE_WORD)})(?:${anyOf(KOREAN_INSULT_SUFFIXES)})*$`,
  "u",
);

/** True when the (already normalised) nickname holds an English or Korean insult, disguised or not. */
export function isOffensive(nickname: string): boolean {
  const words = wordsOf(nickname);
  // The name as typed catches symbol disguises ("a$$hole"); the words, spacing ones.
  // Digits read as letters only inside a word ("sh1t"); a number of its own ("Team 455") is a number.
  const typed = words.some(excused) ? "" : nickname.replace(STANDALONE_NUMBER, " ");
  const spaced = words
    .filter((word) => !excused(word) && !/^\d+$/u.test(word.text))
    .map((word) => word.text)
    .join(" ");
  if (english.hasMatch(typed) || english.hasMatch(spaced)) return true;
  return words.some(({ text }) => {
    const letters = squeeze(text);
    return KOREAN_ANYWHERE.test(letters) || KOREAN_WHOLE_WORD.test(letters);
  });
}
