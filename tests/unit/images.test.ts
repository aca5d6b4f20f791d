// Question images: what is accepted is what the bytes decode to, whole; a deck's
// image URLs are checked and rewritten before it is stored.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { ImageInfo } from "../../server/db/images";
import { newImageId } from "../../server/db/images";
import { resolveImages, storePending, type DeckImageDeps } from "../../server/decks/deck-images";
import { decodeDataUrl, encodeDataUrl } from "../../server/images/data-url";
import { MAX_IMAGE_BYTES, verifyImage, type VerifiedImage } from "../../server/images/verify-image";
import { IMAGE_ID_PATTERN, parseDeck } from "../../lib/deck";

/** A small picture with some detail, in each format. */
async function picture(format: "png" | "jpeg" | "webp" | "gif", width = 40, height = 30): Promise<Buffer> {
  const pixels = Buffer.from(Array.from({ length: width * height * 3 }, (_, i) => (i * 37) % 251));
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .toFormat(format)
    .toBuffer();
}

describe("verifying an image", () => {
  it.each(["png", "jpeg", "webp", "gif"] as const)("accepts a whole %s, typed by its bytes", async (format) => {
    const bytes = await picture(format);
    const check = await verifyImage(bytes);
    expect(check.ok && check.image).toMatchObject({ contentType: `image/${format}`, width: 40, height: 30 });
    expect(check.ok && check.image.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each(["png", "jpeg", "webp", "gif"] as const)("refuses a truncated %s", async (format) => {
    const bytes = await picture(format, 120, 90);
    const check = await verifyImage(bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    expect(check).toMatchObject({ ok: false, reason: "invalid" });
    expect(check.ok || check.message).toMatch(/PNG, JPEG, WebP or GIF/);
  });

  it("refuses text, SVG and an empty file; over 2 MB is too large", async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>',
    );
    for (const bytes of [Buffer.from("just some text, not a picture"), svg, Buffer.alloc(0)]) {
      expect(await verifyImage(bytes)).toMatchObject({ ok: false, reason: "invalid" });
    }
    const big = Buffer.concat([await picture("png"), Buffer.alloc(MAX_IMAGE_BYTES)]);
    expect(await verifyImage(big)).toMatchObject({ ok: false, reason: "too-large" });
  });

  it("image ids are 128 random bits in base64url", () => {
    const ids = new Set(Array.from({ length: 100 }, newImageId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(IMAGE_ID_PATTERN);
    expect(Buffer.from([...ids][0] ?? "", "base64url")).toHaveLength(16);
  });
});

describe("data: URLs", () => {
  it("round-trip bytes; refuse non-base64 and oversized payloads before decoding", () => {
    const bytes = Buffer.from([1, 2, 3, 250, 251]);
    expect(decodeDataUrl(encodeDataUrl("image/png", bytes))).toEqual({ ok: true, bytes });
    expect(decodeDataUrl("data:text/plain,hello").ok).toBe(false);
    expect(decodeDataUrl("data:image/png;base64,@@@@").ok).toBe(false);
    const huge = `data:image/png;base64,${"A".repeat(Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 8)}`;
    expect(decodeDataUrl(huge)).toEqual({ ok: false, message: expect.stringMatching(/limit is 2 MB/) });
  });
});

describe("a deck's image URLs", () => {
  const STORED = "AAAAAAAAAAAAAAAAAAAAAA";
  const info = (id: string): ImageInfo => ({
    id,
    url: `/api/images/${id}`,
    contentType: "image/png",
    width: 1,
    height: 1,
    byteLength: 1,
  });
  const saved: [string, VerifiedImage][] = [];
  const deps: DeckImageDeps = {
    describe: async (ids) => new Map(ids.filter((id) => id === STORED).map((id) => [id, info(id)])),
    save: async (ownerId, image) => {
      saved.push([ownerId, image]);
      return info("BBBBBBBBBBBBBBBBBBBBBB");
    },
    verify: verifyImage,
    publicOrigin: "https://quiz.example",
  };
  const deckWith = (...imageUrls: (string | null)[]) => ({
    title: "T",
    language: "en",
    questions: imageUrls.map((imageUrl) => ({
      kind: "single",
      text: "Q",
      options: ["a", "b"],
      correct: [0],
      imageUrl,
    })),
  });

  it("keeps stored and https images, makes this server's absolute URLs relative, refuses the unknown", async () => {
    const resolved = await resolveImages(
      deckWith(
        `/api/images/${STORED}`,
        `https://quiz.example/api/images/${STORED}`,
        "https://elsewhere.example/pic.png",
        "/api/images/CCCCCCCCCCCCCCCCCCCCCC",
        "https://quiz.example/api/images/CCCCCCCCCCCCCCCCCCCCCC",
        null,
      ),
      deps,
      false,
    );
    const urls = (resolved.input as { questions: { imageUrl: unknown }[] }).questions.map((q) => q.imageUrl);
    expect(urls.slice(0, 3)).toEqual([
      `/api/images/${STORED}`,
      `/api/images/${STORED}`,
      "https://elsewhere.example/pic.png",
    ]);
    expect(resolved.problems.map((p) => [p.question, p.path])).toEqual([
      [4, "questions.3.imageUrl"],
      [5, "questions.4.imageUrl"],
    ]);
    expect(resolved.problems[0]?.message).toMatch(/not on this server/);
  });

  it("verifies embedded images, stores them only when asked, and points the question at them", async () => {
    const png = await picture("png");
    const jpegLabelledPng = encodeDataUrl("image/png", await picture("jpeg"));
    const cut = encodeDataUrl("image/png", png.subarray(0, 40));
    const input = deckWith(encodeDataUrl("image/jpeg", png), jpegLabelledPng, cut);
    const resolved = await resolveImages(input, deps, true);
    expect(resolved.problems.map((p) => p.question)).toEqual([3]);
    expect([...resolved.pending.values()].map((i) => i.contentType)).toEqual(["image/png", "image/jpeg"]);
    expect(saved).toHaveLength(0);

    const valid = parseDeck({
      ...(resolved.input as object),
      questions: (resolved.input as typeof input).questions.slice(0, 2),
    });
    if (!valid.ok) throw new Error(JSON.stringify(valid.problems));
    const deck = await storePending(valid.deck, resolved.pending, "owner-1", deps);
    expect(deck.questions.map((q) => q.imageUrl)).toEqual([
      "/api/images/BBBBBBBBBBBBBBBBBBBBBB",
      "/api/images/BBBBBBBBBBBBBBBBBBBBBB",
    ]);
    expect(saved.map(([owner]) => owner)).toEqual(["owner-1", "owner-1"]);
  });

  it("the editor's deck may not embed images: data: URLs go to the deck rules, which refuse them", async () => {
    const resolved = await resolveImages(deckWith(encodeDataUrl("image/png", await picture("png"))), deps, false);
    expect(resolved.pending.size).toBe(0);
    expect(parseDeck(resolved.input).ok).toBe(false);
  });
});
