import type { Locale } from "../contract";
import type en from "./messages/en.json";

export type Messages = typeof en;

export async function loadMessages(locale: Locale): Promise<Messages> {
  const loaded = locale === "ko" ? await import("./messages/ko.json") : await import("./messages/en.json");
  return loaded.default;
}
