// Rejoin tokens: 192 random bits, given to the phone once; only their SHA-256 is stored.
import { createHash, randomBytes, randomInt, randomUUID } from "node:crypto";

export const newToken = (): string => randomBytes(24).toString("base64url");
export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");
export const newId = (): string => randomUUID();
export const newPin = (): string => String(randomInt(0, 1_000_000)).padStart(6, "0");
