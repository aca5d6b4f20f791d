// Rejoin tokens, ids and PINs.
import type * as NodeCrypto from "node:crypto";
import { createHash } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { hashToken, newId, newPin, newToken } from "../../server/live/tokens";

const crypto = vi.hoisted(() => ({ randomInt: null as null | ((min: number, max: number) => number) }));

vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof NodeCrypto>();
  return {
    ...actual,
    randomInt: (min: number, max: number) => (crypto.randomInt ?? actual.randomInt)(min, max),
  };
});

afterEach(() => {
  crypto.randomInt = null;
});

describe("tokens", () => {
  it("R-REJOIN: a token is 192 random bits in base64url, different every time", () => {
    const tokens = Array.from({ length: 50 }, newToken);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it("R-REJOIN: only the token's SHA-256 (hex) is stored", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hashToken("abc")).toBe(createHash("sha256").update("abc").digest("hex"));
  });

  it("ids are UUIDs", () => {
    expect(newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newId()).not.toBe(newId());
  });

  it("a PIN is six digits from 000000 to 999999, zero-padded", () => {
    const asked: [number, number][] = [];
    crypto.randomInt = (min, max) => (asked.push([min, max]), 42);
    expect(newPin()).toBe("000042");
    crypto.randomInt = () => 999_999;
    expect(newPin()).toBe("999999");
    expect(asked).toEqual([[0, 1_000_000]]);
  });
});
