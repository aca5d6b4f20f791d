// Question images, stored in the database (Bytes) rather than under DATA_DIR: they
// go wherever the database goes (one backup holds a deck and its pictures, and
// several servers on one PostgreSQL all serve every image). An image is found by
// its id alone: ids are 128 random bits, an unguessable capability like a review
// link, because phones that show them have no account.
import { randomBytes } from "node:crypto";
import { IMAGE_ID_PATTERN, IMAGE_PATH_PREFIX } from "../../lib/deck";
import type { VerifiedImage } from "../images/verify-image";
import type { Db } from "./client";

/** What the upload route answers (docs/protocol.md "Images"). */
export interface ImageInfo {
  id: string;
  /** `/api/images/<id>`: what a question's imageUrl holds. */
  url: string;
  contentType: string;
  width: number;
  height: number;
  byteLength: number;
}

export interface ImageFile {
  contentType: string;
  bytes: Buffer;
  /** Hex SHA-256 of bytes. */
  sha256: string;
}

/** 16 random bytes, base64url: 22 characters, matching IMAGE_ID_PATTERN. */
export const newImageId = (): string => randomBytes(16).toString("base64url");

export const imagePath = (id: string): string => `${IMAGE_PATH_PREFIX}${id}`;

const infoColumns = { id: true, contentType: true, width: true, height: true, byteLength: true } as const;
const toInfo = (row: Omit<ImageInfo, "url">): ImageInfo => ({ ...row, url: imagePath(row.id) });
// Prisma 6 hands Bytes back as a Uint8Array; Buffer shares its memory.
const toBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export function createImageRepository(db: Db) {
  const findOwned = (ownerId: string, sha256: string) =>
    db.image.findUnique({ where: { ownerId_sha256: { ownerId, sha256 } }, select: infoColumns });

  return {
    /**
     * Stores a verified image for its owner and says where it is. The same bytes
     * uploaded again by the same owner give the first upload's image (UNIQUE
     * (ownerId, sha256)); a second upload racing the first finds the winner's row.
     */
    async save(ownerId: string, image: VerifiedImage): Promise<ImageInfo> {
      const existing = await findOwned(ownerId, image.sha256);
      if (existing) return toInfo(existing);
      try {
        const created = await db.image.create({
          data: {
            id: newImageId(),
            ownerId,
            contentType: image.contentType,
            // A copy on its own ArrayBuffer: what Prisma's Bytes type asks for.
            bytes: new Uint8Array(image.bytes),
            byteLength: image.bytes.length,
            width: image.width,
            height: image.height,
            sha256: image.sha256,
          },
          select: infoColumns,
        });
        return toInfo(created);
      } catch (error) {
        const winner = await findOwned(ownerId, image.sha256);
        if (winner) return toInfo(winner);
        throw error;
      }
    },

    /** The stored file, for anyone holding the id; null for an unknown or malformed id. */
    async file(id: string): Promise<ImageFile | null> {
      if (!IMAGE_ID_PATTERN.test(id)) return null;
      const row = await db.image.findUnique({
        where: { id },
        select: { contentType: true, bytes: true, sha256: true },
      });
      return row ? { ...row, bytes: toBuffer(row.bytes) } : null;
    },

    /** What is stored under these ids (unknown or malformed ids are left out), without the bytes. */
    async describe(ids: string[]): Promise<Map<string, ImageInfo>> {
      const wanted = [...new Set(ids.filter((id) => IMAGE_ID_PATTERN.test(id)))];
      if (wanted.length === 0) return new Map();
      const rows = await db.image.findMany({ where: { id: { in: wanted } }, select: infoColumns });
      return new Map(rows.map((row) => [row.id, toInfo(row)]));
    },
  };
}
export type ImageRepository = ReturnType<typeof createImageRepository>;
