/** A published instant as a day in the UI's language (2026年1月5日 / 5 Jan 2026), in the city's time zone. */
export function formatDay(iso: string, language: string): string {
  return new Date(iso).toLocaleDateString(language === "en" ? "en-GB" : "zh-CN", {
    year: "numeric",
    month: language === "en" ? "short" : "long",
    day: "numeric",
    timeZone: "Asia/Shanghai",
  });
}
