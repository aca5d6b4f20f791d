// Type-checked message keys for next-intl (useTranslations, getTranslations).
import type { Locale } from "../contract";
import type en from "./messages/en.json";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
