import type { Page } from "playwright-core";

/**
 * The page's chrome — headings, labels, buttons, menus, table headers, form labels and placeholders, empty states,
 * card and tab titles — as text, without data: whatever sits inside [data-content] (patent titles, applicant and
 * organisation names, report text generated in Chinese), the language switch (which names both languages) and
 * decorations hidden from assistive technology.
 */
export const CHROME_SELECTORS = [
  "h1",
  "h2",
  "h3",
  "h4",
  "label",
  "button",
  "th",
  ".ant-menu-item",
  ".ant-form-item-label",
  ".ant-form-item-extra",
  ".ant-empty-description",
  ".ant-card-head-title",
  ".ant-tabs-tab-btn",
  ".ant-select-selection-placeholder",
  ".ant-result-title",
  ".ant-result-subtitle",
  ".ant-segmented-item-label",
  ".ant-alert-message",
  ".ant-statistic-title",
  ".ant-descriptions-item-label",
  ".ant-pagination-options",
].join(", ");

export interface ChromeText {
  selector: string;
  text: string;
}

export function chromeTexts(page: Page): Promise<ChromeText[]> {
  return page.evaluate((selectors) => {
    const EXCLUDE = "[data-content], [aria-hidden='true'], .lang-switch, code, pre";
    const out: { selector: string; text: string }[] = [];
    const visible = (el: Element) => (el as HTMLElement).getClientRects().length > 0;
    for (const el of document.querySelectorAll(selectors)) {
      if (!visible(el) || el.closest(EXCLUDE)) continue;
      const clone = el.cloneNode(true) as Element;
      for (const d of clone.querySelectorAll(EXCLUDE)) d.remove();
      const text = (clone.textContent ?? "").replace(/\s+/g, " ").trim();
      if (text)
        out.push({
          selector: el.tagName.toLowerCase() + (el.className ? `.${String(el.className).split(" ")[0]}` : ""),
          text,
        });
    }
    for (const el of document.querySelectorAll("[placeholder]")) {
      if (!visible(el) || el.closest(EXCLUDE)) continue;
      const text = el.getAttribute("placeholder")?.trim();
      if (text) out.push({ selector: "[placeholder]", text });
    }
    return out;
  }, CHROME_SELECTORS);
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Latin words the Chinese UI may show: the query language's fields and operators, standard and file names, codes.
 * Anything else in Latin letters on a Chinese page's chrome is English that should have been translated.
 */
export const LATIN_ALLOWED = new Set(
  [
    "IPC CPC PDF XLSX CSV Excel PCT TOTP ID URL HTTPS GB RTA HHI CR SHA KB MB",
    "AND OR NOT NEAR PRE TI AB CL TX AP IN AGC PN AN AD PD TYPE STATUS REGION SEI",
  ]
    .join(" ")
    .split(" "),
);

/**
 * What is in the wrong language: Chinese in the English UI, unlisted Latin words in the Chinese UI. `data` lists
 * values the journey itself created (user and organisation names, titles): they are data wherever they show up, also
 * where a component has not marked them (the header's user menu).
 */
export function wrongLanguage(lang: "zh" | "en", texts: ChromeText[], data: string[] = []): string[] {
  const bad: string[] = [];
  const known = [...data].sort((a, b) => b.length - a.length);
  for (const { selector, text: raw } of texts) {
    const text = known.reduce((t, d) => t.split(d).join(" "), raw);
    if (lang === "en" && CJK.test(text)) bad.push(`${selector}: ${text}`);
    if (lang === "zh") {
      const words = (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !LATIN_ALLOWED.has(w));
      if (words.length) bad.push(`${selector}: ${text} [${words.join(" ")}]`);
    }
  }
  return [...new Set(bad)];
}
