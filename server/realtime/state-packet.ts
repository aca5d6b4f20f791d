// A phone's `state` event encoded once for the wire, with the parts every phone of a
// phase change shares (the question, the key at the reveal) serialised once, not
// once per phone (issue 17: a reveal to 2,000 phones made 2,000 copies of them).
// The result is byte for byte what Socket.IO's own encoder makes of the same view,
// and is written to the phone's sockets as a pre-encoded packet.
import type { Server } from "socket.io";
import type { PlayerView } from "../../lib/contract";

/**
 * Keys whose values are built once per phase change and shared by every phone's
 * view (server/game/player-views.ts, `phoneFrame`), and never changed afterwards:
 * their JSON is kept per object. Anything else is serialised each time.
 */
const SHARED_KEYS: ReadonlySet<string> = new Set(["question", "correctOptionIds"]);

/** Socket.IO's EVENT packet type (socket.io-parser PacketType.EVENT). */
const EVENT = 2;
/** Stands in for the view when the packet's frame is taken from the encoder. */
const MARK = "\u0000quizroom-state\u0000";

export interface StatePacketEncoder {
  /** The `state` event carrying `view`, as the text frame Socket.IO would send on `nsp`. */
  encode(view: PlayerView): string;
}

/**
 * An encoder for `state` on namespace `nsp`, framed by Socket.IO's own `encoder`;
 * null when that encoder does not make one text frame (a binary parser), in which
 * case the caller emits as usual.
 */
export function statePacketEncoder(encoder: Server["encoder"], nsp: string): StatePacketEncoder | null {
  const template = encoder.encode({ type: EVENT, nsp, data: ["state", MARK] });
  const [frame] = template;
  const mark = JSON.stringify(MARK);
  if (template.length !== 1 || typeof frame !== "string" || frame.split(mark).length !== 2) return null;
  const [prefix = "", suffix = ""] = frame.split(mark);
  const sharedJson = new WeakMap<object, string>();

  const valueJson = (key: string, value: unknown): string | undefined => {
    if (!SHARED_KEYS.has(key) || value === null || typeof value !== "object") return JSON.stringify(value);
    let json = sharedJson.get(value);
    if (json === undefined) {
      json = JSON.stringify(value);
      sharedJson.set(value, json);
    }
    return json;
  };

  return {
    encode(view) {
      let body = "";
      for (const [key, value] of Object.entries(view)) {
        // As JSON.stringify: a key whose value is undefined is left out.
        const json = valueJson(key, value);
        if (json === undefined) continue;
        body += `${body === "" ? "" : ","}${JSON.stringify(key)}:${json}`;
      }
      return `${prefix}{${body}}${suffix}`;
    },
  };
}
