// How one import problem reads next to its location ("Line 12 · correct: …"). Pure.

/** "correct" for "questions.11.correct": the location already names the question. */
export function problemField(path: string): string {
  return path.replace(/^questions\.\d+\.?/, "");
}

/**
 * The field, then the message; a message that already opens with the field's name
 * ("correct names option 5…") is not prefixed with it a second time.
 */
export function splitProblem(field: string, message: string): { field: string; rest: string } {
  if (field && message.startsWith(`${field} `)) return { field, rest: message.slice(field.length) };
  return { field, rest: field ? `: ${message}` : message };
}
