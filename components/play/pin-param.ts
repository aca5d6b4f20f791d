import { isPin } from "../../lib/contract";

/** `?pin=123456` (from the QR code) prefills the PIN; anything else is ignored. */
export function pinFromSearchParam(value: string | string[] | undefined): string | null {
  return isPin(value) ? value : null;
}
