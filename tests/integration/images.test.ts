// Question images over HTTP on a real server, both databases: uploads are typed by
// decoding them, never by what the request says; anyone holding an id can fetch
// the image, cached for good.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, signIn, signInOtherInstructor } from "./support/clients";
import { expectStatus, picture, send, uploadImage } from "./support/decks";
import { DATABASES, startServer, type TestServer } from "./support/server";

const TWO_MB = 2 * 1024 * 1024;

describe.each(DATABASES)("images (%s)", (database) => {
  let server: TestServer;
  let cookie: string;
  beforeAll(async () => {
    server = await startServer({ database });
    cookie = await signIn(server.url);
  });
  afterAll(async () => server?.dispose());

  it.each(["png", "jpeg", "webp", "gif"] as const)(
    "stores a %s and serves it to anyone with its id",
    async (format) => {
      const bytes = await picture(format, 64, 40);
      const image = await uploadImage(server.url, cookie, bytes);
      expect(image).toEqual({
        id: expect.stringMatching(/^[A-Za-z0-9_-]{22,64}$/),
        url: `/api/images/${image.id}`,
        contentType: `image/${format}`,
        width: 64,
        height: 40,
        byteLength: bytes.length,
      });
      // No cookie: phones have no account.
      const res = await api(server.url, image.url);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
      expect(res.headers.get("content-type")).toBe(`image/${format}`);
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("content-security-policy")).toBe("default-src 'none'");
      const etag = res.headers.get("etag") ?? "";
      expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
      const again = await api(server.url, image.url, { headers: { "if-none-match": etag } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
      expect((await api(server.url, image.url, { headers: { "if-none-match": '"other"' } })).status).toBe(200);
    },
  );

  it("the type is what the bytes decode to: a PNG labelled JPEG (or named .jpg) is stored as PNG", async () => {
    const png = await picture("png", 20, 20);
    const image = await uploadImage(server.url, cookie, png, "image/jpeg");
    expect(image.contentType).toBe("image/png");
    expect((await api(server.url, image.url)).headers.get("content-type")).toBe("image/png");
  });

  it("the same bytes uploaded twice by one instructor are one image; another instructor gets their own", async () => {
    const bytes = await picture("webp", 30, 30);
    const first = await uploadImage(server.url, cookie, bytes);
    expect((await uploadImage(server.url, cookie, bytes)).id).toBe(first.id);
    const other = await signInOtherInstructor(server.url, "Painter");
    expect((await uploadImage(server.url, other, bytes)).id).not.toBe(first.id);
  });

  it("refuses a truncated PNG, text labelled PNG and an empty body (400), and more than 2 MB (413)", async () => {
    const png = await picture("png", 200, 120);
    const refusals = [
      [png.subarray(0, Math.floor(png.length / 2)), "image/png"],
      [Buffer.from("hello, I am a text file named picture.png"), "image/png"],
      [Buffer.alloc(0), "image/png"],
    ] as const;
    for (const [bytes, type] of refusals) {
      const answer = await expectStatus<{ error: { code: string; message: string } }>(
        send(server.url, "/api/images", cookie, bytes, type),
        400,
      );
      expect(answer.error.code).toBe("INVALID_IMAGE");
      expect(answer.error.message).toMatch(/PNG, JPEG, WebP or GIF/);
    }
    const big = Buffer.concat([png, Buffer.alloc(TWO_MB + 1 - png.length)]);
    const tooLarge = await expectStatus<{ error: { code: string } }>(
      send(server.url, "/api/images", cookie, big, "image/png"),
      413,
    );
    expect(tooLarge.error.code).toBe("IMAGE_TOO_LARGE");
  });

  it("unknown or malformed ids are 404; uploading needs a session and the app's Origin", async () => {
    for (const path of ["/api/images/AAAAAAAAAAAAAAAAAAAAAA", "/api/images/not..valid", "/api/images/x"]) {
      expect((await api(server.url, path)).status, path).toBe(404);
    }
    const png = await picture("png");
    expect((await api(server.url, "/api/images", { method: "POST", body: new Uint8Array(png) })).status).toBe(401);
    const foreign = await api(server.url, "/api/images", {
      method: "POST",
      cookie,
      headers: { origin: "http://evil.example" },
      body: new Uint8Array(png),
    });
    expect(foreign.status).toBe(403);
  });
});
