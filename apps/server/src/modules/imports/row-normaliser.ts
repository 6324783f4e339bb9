import {
  type DivisionIndex,
  normaliseDate,
  normaliseLegalStatus,
  normalisePatentType,
  parseIpcList,
  parsePublicationNumber,
  parseSeiCategories,
  resolveRegion,
  splitInventors,
} from "@zhichan/core/patents/index.ts";
import type { CanonicalField } from "./mapping/canonical-fields.js";
import { cellText, type MappedRow } from "./mapping/column-mapping.js";
import type { PatentDraft } from "./patent-draft.js";

/** What a row needs besides itself: reference tables held in memory and what the file's layout implies. */
export interface NormaliseContext {
  source: string;
  divisions: DivisionIndex;
  seiNameToCode: ReadonlyMap<string, string>;
  seiCodes: ReadonlySet<string>;
  /** Patentics layout: ' | ' separates people and ';' sits inside 'Family; Given'. */
  pipeSeparatesPeople: boolean;
  /** Header text of each mapped field, to name it in warnings and to keep unreadable raw values under it. */
  headerOf: Partial<Record<CanonicalField, string>>;
}

export type RowOutcome = { ok: true; patent: PatentDraft; warnings: string[] } | { ok: false; reason: string };

function textOf(row: MappedRow, field: CanonicalField): string | null {
  const cell = row.fields[field];
  if (cell === undefined || cell === null) return null;
  const text = cellText(cell).trim();
  return text === "" ? null : text;
}

function intOf(text: string | null): number | null {
  if (text === null) return null;
  const n = Number(text.replace(/,/g, ""));
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** Turns one mapped row into a patent row, or says why it cannot be one. Raw values are kept beside normalised ones. */
export function normaliseRow(row: MappedRow, ctx: NormaliseContext): RowOutcome {
  const rawPubNo = textOf(row, "pub_no");
  if (!rawPubNo) return { ok: false, reason: "no publication number" };
  const pub = parsePublicationNumber(rawPubNo);
  if (!pub) return { ok: false, reason: `unparseable publication number '${rawPubNo}'` };
  const title = textOf(row, "title");
  if (!title) return { ok: false, reason: `no title (${pub.pubNo})` };

  const warnings: string[] = [];
  const extra: Record<string, string> = { ...row.extra };
  const keepRaw = (field: CanonicalField, raw: string) => {
    extra[ctx.headerOf[field] ?? field] = raw;
  };

  const date = (field: CanonicalField): string | null => {
    const cell = row.fields[field];
    const result = normaliseDate(cell === undefined ? null : cell);
    if (result.invalid) {
      const raw = cellText(cell ?? null);
      warnings.push(`${ctx.headerOf[field] ?? field} '${raw}' is not a date`);
      keepRaw(field, raw);
    }
    return result.date;
  };
  const appDate = date("app_date");
  const count = (field: CanonicalField): number | null => {
    const raw = textOf(row, field);
    const n = intOf(raw);
    if (raw !== null && n === null) keepRaw(field, raw);
    return n;
  };

  const typeRaw = textOf(row, "patent_type");
  const type = normalisePatentType(typeRaw, pub);
  const statusRaw = textOf(row, "legal_status");
  const ipcAllRaw = textOf(row, "ipc_all");
  const ipcMainRaw = textOf(row, "ipc_main");
  const ipc = parseIpcList(ipcAllRaw, ipcMainRaw);
  if (ipc.locarno.length) extra.locarno = ipc.locarno.join(";");
  const ipcRaw = ipcMainRaw && ipcAllRaw ? `${ipcMainRaw} || ${ipcAllRaw}` : (ipcAllRaw ?? ipcMainRaw);

  const [province, city, district, address, codeText] = [
    textOf(row, "applicant_province"),
    textOf(row, "applicant_city"),
    textOf(row, "applicant_district"),
    textOf(row, "applicant_address"),
    textOf(row, "province_code_text"),
  ];
  const region = resolveRegion({ province, city, district, address, provinceCodeText: codeText }, ctx.divisions);
  const fieldsText = [province, city, district].filter(Boolean).join(" / ");
  const regionRaw = fieldsText || address || codeText || null;

  const seiRaw = textOf(row, "sei_category");
  const sei = parseSeiCategories(seiRaw, ctx.seiNameToCode, ctx.seiCodes);
  if (seiRaw && sei.unmatched.length) warnings.push(`SEI '${sei.unmatched.join(", ")}' not in sei_categories`);

  const yearText = textOf(row, "app_year");
  const inventors = splitInventors(textOf(row, "inventors"), ctx.pipeSeparatesPeople);
  const patent: PatentDraft = {
    pub_no: pub.pubNo,
    app_no: textOf(row, "app_no")?.normalize("NFKC").replace(/\s+/g, "").toUpperCase() ?? null,
    country: pub.country,
    title,
    abstract: textOf(row, "abstract"),
    claims: textOf(row, "claims"),
    applicants_raw: textOf(row, "applicants"),
    inventors: inventors.length ? inventors.join(";") : null,
    app_date: appDate,
    pub_date: date("pub_date"),
    grant_date: date("grant_date"),
    app_year: appDate ? Number(appDate.slice(0, 4)) : intOf(yearText),
    type: type.type,
    type_raw: typeRaw,
    status: normaliseLegalStatus(statusRaw),
    status_raw: statusRaw,
    ipc_main: ipc.main,
    ipc_all: ipc.all.length ? ipc.all.join(";") : null,
    ipc_raw: ipcRaw,
    province_code: region.provinceCode,
    city_code: region.cityCode,
    district_code: region.districtCode,
    region_raw: regionRaw,
    applicant_address: address,
    agency: textOf(row, "agency"),
    agent: textOf(row, "agent"),
    sei_codes: sei.codes.length ? sei.codes.join(";") : null,
    sei_raw: seiRaw,
    nic_raw: textOf(row, "nic_category"),
    claims_count: count("claims_count"),
    cited_by_count: count("cited_by_count"),
    sources: ctx.source,
    extra_json: Object.keys(extra).length ? JSON.stringify(extra) : null,
  };
  return { ok: true, patent, warnings };
}
