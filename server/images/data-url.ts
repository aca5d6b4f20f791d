// `data:` image URLs, as a JSON deck export embeds its images. Only the bytes are
// taken from one: the type is found again by decoding (verify-image.ts).
import { MAX_IMAGE_BYTES, megabytes } from "./verify-image";

export const isDataUrl = (url: string): boolean => /^data:/i.test(url);

const BASE64_DATA_URL = /^data:([\w.+-]+\/[\w.+-]+)?((?:;[\w.+-]+=[\w.+-]+)*);base64,([A-Za-z0-9+/]*={0,2})$/i;

/**
 * The bytes of a base64 `data:` URL. Refuses, with a message, a URL that is not
 * base64 (`data:text/plain,hello`), malformed base64, and a payload that would
 * decode to more than MAX_IMAGE_BYTES (checked before decoding anything).
 */
export function decodeDataUrl(url: string): { ok: true; bytes: Buffer } | { ok: false; message: string } {
  const payload = BASE64_DATA_URL.exec(url.replace(/\s+/g, ""))?.[3];
  if (payload === undefined) {
    return { ok: false, message: "an embedded image must be a base64 data: URL (data:image/png;base64,…)" };
  }
  const decodedLength = Math.floor((payload.length * 3) / 4) - (payload.match(/=+$/)?.[0].length ?? 0);
  if (decodedLength > MAX_IMAGE_BYTES) {
    return { ok: false, message: `the embedded image is ${megabytes(decodedLength)}; the limit is 2 MB` };
  }
  return { ok: true, bytes: Buffer.from(payload, "base64") };
}

/** The data: URL a JSON export embeds for a stored image. */
export function encodeDataUrl(contentType: string, bytes: Uint8Array): string {
  return `data:${contentType};base64,${Buffer.from(bytes).toString("base64")}`;
}
