/** `?pin=123456` (from the QR code) prefills the PIN; anything else is ignored. */
export function pinFromSearchParam(value: string | string[] | undefined): string | null {
  return typeof value === "string" && /^\d{6}$/.test(value) ? value : null;
}
