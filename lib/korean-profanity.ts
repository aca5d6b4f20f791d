// A reviewed list of common Korean insults and their usual disguises, matched
// against the nickname with spaces, digits and punctuation removed (lib/nickname.ts).
// npm's only Korean list (badwords-ko) is small and little used; this is ours.
export const KOREAN_PROFANITY: readonly string[] = [
  "씨발", "시발", "씨바", "시바", "쉬발", "씨팔", "시팔", "ㅅㅂ", "ㅆㅂ", "ㅆㅃ",
  "병신", "븅신", "빙신", "ㅂㅅ",
  "개새끼", "개새기", "개색기", "개색히", "개세끼", "새끼", "ㅅㄲ",
  "좆", "존나", "ㅈㄴ", "좃",
  "지랄", "ㅈㄹ",
  "미친놈", "미친년", "미친새", "ㅁㅊ",
  "닥쳐", "꺼져",
  "엠창", "느금마", "니애미", "니미", "애미", "애비", "느그",
  "썅", "쌍놈", "쌍년", "걸레", "창녀", "보지", "자지", "섹스",
  "등신", "찐따", "한남충", "김치녀", "맘충",
];
