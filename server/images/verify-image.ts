// A question image is accepted only once it has been decoded in full: the type is
// what the bytes turn out to be, never what a Content-Type header, a file name or a
// data: URL claims, and a truncated or fake file is refused here rather than shown
// broken on a projector.
import { createHash } from "node:crypto";
import sharp from "sharp";

/** The largest image accepted, in bytes (2 MiB): docs/protocol.md "Images". */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/**
 * A decompression bomb guard: 2 MB of PNG can claim 20 000 × 20 000 pixels. 40 MP
 * is more than any classroom slide needs and keeps a full decode's memory bounded.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

const CONTENT_TYPES = { png: "image/png", jpeg: "image/jpeg", webp: "image/webp", gif: "image/gif" } as const;
export type ImageContentType = (typeof CONTENT_TYPES)[keyof typeof CONTENT_TYPES];
export const ALLOWED_IMAGE_TYPES = "PNG, JPEG, WebP or GIF";

export interface VerifiedImage {
  contentType: ImageContentType;
  bytes: Buffer;
  width: number;
  /** Of one frame, for an animated GIF or WebP. */
  height: number;
  /** Hex SHA-256 of bytes: the ETag, and how a second upload of the same file is recognised. */
  sha256: string;
}

export type ImageCheck =
  { ok: true; image: VerifiedImage } | { ok: false; reason: "too-large" | "invalid"; message: string };

const isAllowedFormat = (format: string | undefined): format is keyof typeof CONTENT_TYPES =>
  format !== undefined && Object.hasOwn(CONTENT_TYPES, format);

/**
 * Decodes `bytes` fully and says what they are. Never throws for bad input: a file
 * over MAX_IMAGE_BYTES is "too-large"; anything that is not a whole PNG, JPEG, WebP
 * or GIF (another format, text, a truncated file, too many pixels) is "invalid",
 * with a message naming the allowed types.
 */
export async function verifyImage(bytes: Buffer): Promise<ImageCheck> {
  if (bytes.length > MAX_IMAGE_BYTES) {
    return { ok: false, reason: "too-large", message: `The image is ${megabytes(bytes.length)}; the limit is 2 MB.` };
  }
  const invalid = (why: string): ImageCheck => ({
    ok: false,
    reason: "invalid",
    message: `Not a usable image (${why}): upload a ${ALLOWED_IMAGE_TYPES} file of at most 2 MB.`,
  });
  if (bytes.length === 0) return invalid("the file is empty");
  // failOn "error" also refuses truncated data; animated reads every frame of a GIF or WebP.
  const options = { failOn: "error", limitInputPixels: MAX_IMAGE_PIXELS, animated: true } as const;
  try {
    const meta = await sharp(bytes, options).metadata();
    if (!isAllowedFormat(meta.format)) return invalid(`it is ${meta.format ?? "an unknown format"}`);
    // The header alone says little: stats() decodes every pixel, so a cut-off file fails here.
    await sharp(bytes, options).stats();
    return {
      ok: true,
      image: {
        contentType: CONTENT_TYPES[meta.format],
        bytes,
        width: meta.width,
        height: meta.pageHeight ?? meta.height,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      },
    };
  } catch (error) {
    return invalid(error instanceof Error ? error.message : "it could not be decoded");
  }
}

/** "2.0 MB" (MiB, one decimal): the unit the limits are written in. */
export function megabytes(byteCount: number): string {
  return `${(byteCount / (1024 * 1024)).toFixed(1)} MB`;
}
