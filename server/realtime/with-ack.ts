// Wraps an event handler: checks that an ack callback exists, validates the
// payload with the shared zod schema, and turns every outcome (including a bug)
// into `{ ok, … }` so the connection and the game carry on.
import type { z } from "zod";
import type { Ack, ErrorCode, Locale } from "../../lib/contract";
import { errorBody } from "../../lib/error-messages";

/** A handler's answer; a failure's `message` replaces the code's usual one (already in the client's language). */
export type HandlerResult<T extends object> = ({ ok: true } & T) | { ok: false; code: ErrorCode; message?: string };

export function withAck<S extends z.ZodType>(
  schema: S,
  locale: () => Locale,
  log: (message: string, error?: unknown) => void,
  handler: (payload: z.output<S>) => Promise<HandlerResult<object>>,
) {
  return async (payload: unknown, ack: unknown): Promise<void> => {
    if (typeof ack !== "function") return; // no way to answer: ignored, as the contract says
    const respond = ack as (response: Ack) => void;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const detail = parsed.error.issues[0];
      const where = detail ? `${detail.path.join(".") || "payload"}: ${detail.message}` : "";
      respond({ ok: false, error: errorBody("INVALID_PAYLOAD", locale(), `Invalid payload. ${where}`.trim()) });
      return;
    }
    try {
      const result = await handler(parsed.data);
      if (result.ok) respond(result);
      else respond({ ok: false, error: errorBody(result.code, locale(), result.message) });
    } catch (error) {
      log("handler failed", error);
      respond({ ok: false, error: errorBody("UNAVAILABLE", locale()) });
    }
  };
}
