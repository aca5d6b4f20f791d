// Rejoin tokens: 192 random bits, given to the phone once; only their SHA-256 is stored.
import { createHash, randomBytes, randomInt, randomUUID } from "node:crypto";
import { PIN_LENGTH } from "../../lib/contract";

export const newToken = (): string => randomBytes(24).toString("base64url");
export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");
export const newId = (): string => randomUUID();
export const newPin = (): string => String(randomInt(0, 10 ** PIN_LENGTH)).padStart(PIN_LENGTH, "0");
/**
 * A uniform fraction in [0, 1) from 48 bits of the operating system's randomness:
 * the source of the hosting options' shuffles (an order a student cannot predict
 * from an earlier game, unlike Math.random's state).
 */
export const randomFraction = (): number => randomBytes(6).readUIntBE(0, 6) / 2 ** 48;
