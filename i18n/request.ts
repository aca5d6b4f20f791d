// next-intl without i18n routing: the locale comes from a cookie or the browser.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, resolveLocale } from "../lib/i18n/locale";
import { loadMessages } from "../lib/i18n/messages";

export default getRequestConfig(async () => {
  const cookieStore = await cookies();
  const headerStore = await headers();
  const locale = resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerStore.get("accept-language"));
  return { locale, messages: await loadMessages(locale) };
});
