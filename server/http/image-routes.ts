// Question images (docs/protocol.md "Images"): an instructor uploads the raw file;
// anyone holding an image's id may fetch it, because the phones that show it have
// no account. The id is 128 random bits, an unguessable capability like a review
// link, and the image never changes, so it is cached for a year.
import type { IncomingMessage } from "node:http";
import type { ImageRepository } from "../db/images";
import { ALLOWED_IMAGE_TYPES, MAX_IMAGE_BYTES, verifyImage } from "../images/verify-image";
import { allow } from "../realtime/rate-limits";
import { sharedLimiter } from "../scale/limiter";
import type { Redis } from "../scale/redis";
import { HttpError, readBytes, sendJson, type Route } from "./respond";

export interface ImageRouteDeps {
  images: ImageRepository;
  /** The scale-out connection: uploads per instructor are counted for every server. */
  redis?: Redis | undefined;
}

/** Uploads per instructor: an editing session adds a few images a minute, a script many more. */
const UPLOADS_PER_USER = { points: 60, duration: 60 };

const tooLarge = (message = "The image is over 2 MB.") =>
  new HttpError(413, "IMAGE_TOO_LARGE", `${message} Upload a ${ALLOWED_IMAGE_TYPES} file of at most 2 MB.`);

/** Whether If-None-Match names this entity tag (a list, weak tags or "*" included). */
function matchesEtag(req: IncomingMessage, etag: string): boolean {
  const header = req.headers["if-none-match"];
  if (!header) return false;
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === etag || tag === "*");
}

export function imageRoutes(deps: ImageRouteDeps): Route[] {
  const uploadsPerUser = sharedLimiter("image-uploads-user", UPLOADS_PER_USER, deps.redis);
  return [
    {
      method: "POST",
      pattern: /^\/api\/images$/,
      handler: async ({ req, res, user }) => {
        if (!(await allow(uploadsPerUser, user.id))) {
          throw new HttpError(429, "RATE_LIMITED", "Too many image uploads: wait a minute.");
        }
        // The Content-Type is not read at all: what the bytes decode to is the type.
        const bytes = await readBytes(req, MAX_IMAGE_BYTES, tooLarge());
        const check = await verifyImage(bytes);
        if (!check.ok && check.reason === "too-large") throw tooLarge(check.message);
        if (!check.ok) throw new HttpError(400, "INVALID_IMAGE", check.message);
        sendJson(res, 201, await deps.images.save(user.id, check.image));
      },
    },
    {
      method: "GET",
      pattern: /^\/api\/images\/([^/]+)$/,
      open: "always",
      handler: async ({ req, res, params }) => {
        const image = await deps.images.file(params[0] ?? "");
        if (!image) throw new HttpError(404, "NOT_FOUND", "No such image.");
        const etag = `"${image.sha256}"`;
        const headers = {
          etag,
          "cache-control": "public, max-age=31536000, immutable",
          "x-content-type-options": "nosniff",
          // An image is never a document: even opened on its own, nothing in it runs.
          "content-security-policy": "default-src 'none'",
        };
        if (matchesEtag(req, etag)) {
          res.writeHead(304, headers);
          res.end();
          return;
        }
        res.writeHead(200, { ...headers, "content-type": image.contentType, "content-length": image.bytes.length });
        res.end(image.bytes);
      },
    },
  ];
}
