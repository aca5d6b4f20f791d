// Lists are stored as JSON text (one shape for SQLite and PostgreSQL); they are
// parsed back through zod so a corrupt row fails loudly, not silently.
import { z } from "zod";

export const stringList = z.array(z.string());
export const numberList = z.array(z.number().int());

export function parseJson<T>(schema: z.ZodType<T>, text: string): T {
  return schema.parse(JSON.parse(text));
}
