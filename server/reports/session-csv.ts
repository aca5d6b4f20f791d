// A session's answers as CSV for a spreadsheet: one row per player and question
// played, players by final rank. UTF-8 with a byte order mark (so a spreadsheet
// opens Korean text as UTF-8), every field quoted, CRLF line ends. Pure.
import { stringify } from "csv-stringify/sync";
import type { SessionReport } from "../../lib/reports";

export const CSV_COLUMNS = [
  "Nickname",
  "Rank",
  "Question",
  "Question text",
  "Chosen option(s)",
  "Correct",
  "Points",
  "Bonus",
  "Time (ms)",
] as const;

/** Several chosen options in one cell, as deck CSV lists are written. */
export const CHOICE_SEPARATOR = " | ";

/**
 * The CSV text (BOM first). Question numbers are 1-based; a question not answered
 * has an empty choice and time, "false" and 0 points. Cells a student controls
 * (nicknames) that start like a formula are prefixed with ' so that no
 * spreadsheet runs them.
 */
export function sessionCsv(report: SessionReport): string {
  const answers = new Map(report.answers.map((a) => [`${a.playerId} ${a.questionIndex}`, a]));
  const rows = report.players.flatMap((player) =>
    report.questions.map((question) => {
      const answer = answers.get(`${player.id} ${question.index}`);
      const chosen = answer?.optionIds.map((id) => question.options.find((o) => o.id === id)?.text ?? id) ?? [];
      return [
        player.nickname,
        player.rank,
        question.index + 1,
        question.text,
        chosen.join(CHOICE_SEPARATOR),
        answer?.correct ? "true" : "false",
        answer?.points ?? 0,
        answer?.bonus ?? 0,
        answer ? answer.timeMs : "",
      ];
    }),
  );
  return stringify([[...CSV_COLUMNS], ...rows], {
    bom: true,
    quoted: true,
    quoted_empty: true,
    record_delimiter: "windows",
    escape_formulas: true,
  });
}

/** A file name for the download: ASCII for old clients, the deck title (UTF-8) for the others. */
export function csvContentDisposition(report: SessionReport): string {
  const day = (report.startedAt ?? report.createdAt).slice(0, 10);
  const ascii = `quizroom-session-${day}.csv`;
  const titled = `${report.deckTitle} ${day}.csv`.replace(/[\\/:*?"<>|\p{Cc}]/gu, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(titled)}`;
}
