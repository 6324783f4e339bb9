import type { PatentImportIssueCode, PatentImportIssueParams, PatentImportPlace } from "@zhichan/shared";

/**
 * The issues an import reports, coded (README: issues). The English text is what the CLI prints and `import_errors.
 * reason` keeps; the code and parameters let the web app say it in the UI's language (its catalogue, section
 * `imports.issues`) and the rejected-rows XLSX in the language of the request (the Chinese here).
 */
export interface ImportIssue {
  code: PatentImportIssueCode;
  params: PatentImportIssueParams;
}
export type IssuePlace = PatentImportPlace;

/** A row's issues as a report lists them. */
export interface RowIssue {
  row: number;
  /** In English, the ZIP entry first (the CLI's words and import_errors.reason). */
  reason: string;
  severity: string;
  /** The ZIP entry (and row) it came from, and its coded issues (none for rows written before migration 019). */
  place: IssuePlace | null;
  issues: ImportIssue[];
}
export type IssueLang = "zh" | "en";

export const issue = (code: PatentImportIssueCode, params: PatentImportIssueParams = {}): ImportIssue => ({
  code,
  params,
});

type Texts = Record<IssueLang, (p: Record<string, string>) => string>;

/** Each code's sentence in English (unchanged from before codes existed) and Chinese. */
const TEXTS: Record<PatentImportIssueCode, Texts> = {
  no_pub_no: { en: () => "no publication number", zh: () => "没有公开（公告）号" },
  bad_pub_no: {
    en: (p) => `unparseable publication number '${p.value}'`,
    zh: (p) => `公开（公告）号“${p.value}”无法识别`,
  },
  no_title: { en: (p) => `no title (${p.pubNo})`, zh: (p) => `没有标题（${p.pubNo}）` },
  bad_date: { en: (p) => `${p.column} '${p.value}' is not a date`, zh: (p) => `${p.column}“${p.value}”不是日期` },
  unknown_sei: {
    en: (p) => `SEI '${p.labels}' not in sei_categories`,
    zh: (p) => `战略性新兴产业分类“${p.labels}”不在分类表中`,
  },
  undecodable: {
    en: (p) => `bytes that are not UTF-8 replaced by '\uFFFD' in ${p.columns}`,
    zh: (p) => `${p.columns}中有不是 UTF-8 的字节，已显示为“\uFFFD”`,
  },
  prs_no_app_no: { en: (p) => `PRS ${p.code}: no application number`, zh: (p) => `法律状态记录 ${p.code}：没有申请号` },
  prs_bad_date: {
    en: (p) => `PRS ${p.code} ${p.appNo}: publication date '${p.value}' is not a date`,
    zh: (p) => `法律状态记录 ${p.code}（${p.appNo}）：公告日“${p.value}”不是日期`,
  },
  prs_no_patent: {
    en: (p) => `PRS ${p.code}: no stored patent with application number ${p.appNo}`,
    zh: (p) => `法律状态记录 ${p.code}：库中没有申请号为 ${p.appNo} 的专利（请先导入著录数据）`,
  },
  no_pub_no_column: {
    en: () => "no column gives the publication number: map one in the column mapping",
    zh: () => "没有列对应“公开（公告）号”：请在列映射中指定一列",
  },
  no_title_column: {
    en: () => "no column gives the title: every row would be rejected",
    zh: () => "没有列对应“标题”，每一行都会被拒收",
  },
  mapping_columns_absent: {
    en: (p) => `columns of the mapping not in this file: ${p.columns}`,
    zh: (p) => `映射中的列在文件中不存在：${p.columns}`,
  },
};

const LIST_SEPARATOR: Record<IssueLang, string> = { en: ", ", zh: "、" };

/** Parameters as text in a language: lists joined as that language joins them. */
function paramText(params: PatentImportIssueParams, lang: IssueLang): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v.join(LIST_SEPARATOR[lang]) : String(v)]),
  );
}

/** One issue as a sentence; an unknown code (a newer writer) by its code and parameters. */
export function issueText(i: ImportIssue, lang: IssueLang = "en"): string {
  const texts = TEXTS[i.code] as Texts | undefined;
  return texts ? texts[lang](paramText(i.params, lang)) : `${i.code} ${JSON.stringify(i.params)}`;
}

/** Where a row came from, as the start of its reason ('' for a one-part file). */
export function placeText(place: IssuePlace | null, lang: IssueLang = "en"): string {
  if (!place) return "";
  if (lang === "zh") return place.row === null ? `${place.file}：` : `${place.file} 第 ${place.row} 行：`;
  return place.row === null ? `${place.file}: ` : `${place.file} row ${place.row}: `;
}

/** A row's reason: its place, then its issues ('; ' between warnings). */
export function rowReason(place: IssuePlace | null, issues: ImportIssue[], lang: IssueLang = "en"): string {
  return placeText(place, lang) + issues.map((i) => issueText(i, lang)).join(lang === "zh" ? "；" : "; ");
}

/** What import_errors keeps beside the English reason (migration 019). */
export function issueColumns(place: IssuePlace | null, issues: ImportIssue[]): { code: string; paramsJson: string } {
  return { code: issues[0]?.code ?? "", paramsJson: JSON.stringify({ place, issues }) };
}

/** The stored code and parameters back, or null for a row written before migration 019. */
export function storedIssues(paramsJson: string | null): { place: IssuePlace | null; issues: ImportIssue[] } | null {
  if (!paramsJson) return null;
  try {
    const v = JSON.parse(paramsJson) as { place?: IssuePlace | null; issues?: ImportIssue[] };
    return Array.isArray(v.issues) ? { place: v.place ?? null, issues: v.issues } : null;
  } catch {
    return null;
  }
}

/** The language of a request: a `lang` query parameter, else the first of Accept-Language we speak; Chinese by default. */
export function requestLang(query: string | undefined, acceptLanguage: string | undefined): IssueLang {
  if (query === "en" || query === "zh") return query;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, i) => {
      const [tag, ...rest] = part.trim().toLowerCase().split(";");
      const q = Number(
        rest
          .find((r) => r.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag, q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    if (tag.startsWith("en")) return "en";
    if (tag.startsWith("zh")) return "zh";
  }
  return "zh";
}
