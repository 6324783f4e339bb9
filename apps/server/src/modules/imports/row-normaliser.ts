import {
  applicantKind,
  type DivisionIndex,
  normaliseDate,
  normaliseLegalStatus,
  normalisePatentType,
  parseIpcList,
  parsePublicationNumber,
  parseSeiCategories,
  resolveRegion,
  splitApplicants,
  splitInventors,
} from "@zhichan/core/patents/index.ts";
import { type ImportIssue, issue } from "./import-issues.js";
import { looksLikeAddress, parseCpcList, parseDateList, parsePublicationList, splitItems } from "./list-fields.js";
import type { CanonicalField } from "./mapping/canonical-fields.js";
import { cellText, type MappedRow } from "./mapping/column-mapping.js";
import { memoKey, type NormaliseMemos } from "./normalise-memo.js";
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
  /** Results of the costly pure steps (region, IPC, SEI) by their input text, shared by the file's rows. */
  memo: NormaliseMemos;
}

/** A row as a patent (with its warnings), or the issue that rejects it; issues are coded (import-issues.ts). */
export type RowOutcome = { ok: true; patent: PatentDraft; warnings: ImportIssue[] } | { ok: false; issue: ImportIssue };

function textOf(row: MappedRow, field: CanonicalField): string | null {
  const cell = row.fields[field];
  if (cell === undefined || cell === null) return null;
  const text = (typeof cell === "string" ? cell : cellText(cell)).trim();
  return text === "" ? null : text;
}

function intOf(text: string | null): number | null {
  if (text === null) return null;
  const n = Number(text.replace(/,/g, ""));
  return Number.isInteger(n) && n >= 0 ? n : null;
}

/** The first applicant's name when it is an organisation's: the region rule 'org_name' never reads a person's name. */
function organisationName(applicants: string | null): string | null {
  const first = splitApplicants(applicants)[0];
  return first && applicantKind(first) !== "individual" ? first : null;
}

/**
 * A row being normalised, for the helpers below: module functions rather than closures made per row (tsx names
 * every closure it creates, a property definition each, 100k rows × 5 of them).
 */
interface RowState {
  row: MappedRow;
  ctx: NormaliseContext;
  warnings: ImportIssue[];
  extra: Record<string, string>;
}

/** An unreadable raw value stays visible under its source header. */
function keepRaw(r: RowState, field: CanonicalField, raw: string): void {
  r.extra[r.ctx.headerOf[field] ?? field] = raw;
}

function dateOf(r: RowState, field: CanonicalField): string | null {
  const cell = r.row.fields[field];
  const result = normaliseDate(cell === undefined ? null : cell);
  if (result.invalid) {
    const raw = cellText(cell ?? null);
    r.warnings.push(issue("bad_date", { column: r.ctx.headerOf[field] ?? field, value: raw }));
    keepRaw(r, field, raw);
  }
  return result.date;
}

function countOf(r: RowState, field: CanonicalField): number | null {
  const raw = textOf(r.row, field);
  const n = intOf(raw);
  if (raw !== null && n === null) keepRaw(r, field, raw);
  return n;
}

function keepRawIfBad(r: RowState, field: CanonicalField, items: { bad: string[] }): void {
  if (items.bad.length) keepRaw(r, field, textOf(r.row, field) ?? "");
}

const joined = (items: string[]) => (items.length ? items.join(";") : null);

/** The texts that are there (textOf never gives ""), joined; null when none is: no array a row. */
function joinPresent(separator: string, ...texts: Array<string | null>): string | null {
  let out: string | null = null;
  for (const t of texts) if (t !== null) out = out === null ? t : `${out}${separator}${t}`;
  return out;
}

/** Turns one mapped row into a patent row, or says why it cannot be one. Raw values are kept beside normalised ones. */
export function normaliseRow(row: MappedRow, ctx: NormaliseContext): RowOutcome {
  const rawPubNo = textOf(row, "pub_no");
  if (!rawPubNo) return { ok: false, issue: issue("no_pub_no") };
  const pub = parsePublicationNumber(rawPubNo);
  if (!pub) return { ok: false, issue: issue("bad_pub_no", { value: rawPubNo }) };
  // A foreign record may have only an English title: it is the display title then (and stays in title_en).
  const titleEn = textOf(row, "title_en");
  const title = textOf(row, "title") ?? titleEn;
  if (!title) return { ok: false, issue: issue("no_title", { pubNo: pub.pubNo }) };

  const warnings: ImportIssue[] = [];
  const extra: Record<string, string> = { ...row.extra };
  const r: RowState = { row, ctx, warnings, extra };
  const appDate = dateOf(r, "app_date");
  const typeRaw = textOf(row, "patent_type");
  const type = normalisePatentType(typeRaw, pub);
  const statusRaw = textOf(row, "legal_status");
  const ipcAllRaw = textOf(row, "ipc_all");
  const ipcMainRaw = textOf(row, "ipc_main");
  const ipc = ctx.memo.ipc.get(memoKey(ipcAllRaw, ipcMainRaw), () => parseIpcList(ipcAllRaw, ipcMainRaw));
  if (ipc.locarno.length) extra.locarno = ipc.locarno.join(";");
  const ipcRaw = ipcMainRaw && ipcAllRaw ? `${ipcMainRaw} || ${ipcAllRaw}` : (ipcAllRaw ?? ipcMainRaw);

  const province = textOf(row, "applicant_province");
  const cityCell = textOf(row, "applicant_city");
  const district = textOf(row, "applicant_district");
  const addressCell = textOf(row, "applicant_address");
  const codeText = textOf(row, "province_code_text");
  const regionText = textOf(row, "region_text");
  // Some exports put the street address in 地市: read as a city name it would match nothing or the wrong place.
  const cityIsAddress = cityCell !== null && looksLikeAddress(cityCell);
  const city = cityIsAddress ? null : cityCell;
  const address = addressCell ?? (cityIsAddress ? cityCell : null);
  // 省市 ('河南省郑州市') is read like the start of an address, for the region only.
  const regionAddress = joinPresent(" ", regionText, address);
  const applicantsText = textOf(row, "applicants");
  const divisionCode = textOf(row, "division_code");
  const orgName = ctx.memo.orgName.get(applicantsText ?? "", () => organisationName(applicantsText));
  const regionKey = memoKey(province, city, district, regionAddress, codeText, divisionCode, orgName);
  const region = ctx.memo.region.get(regionKey, () =>
    resolveRegion(
      {
        province,
        city,
        district,
        address: regionAddress,
        provinceCodeText: codeText,
        divisionCode,
        applicantName: orgName,
      },
      ctx.divisions,
    ),
  );
  const fieldsText = joinPresent(" / ", province, city, district, regionText);
  const regionRaw = fieldsText ?? address ?? codeText ?? divisionCode;

  const seiRaw = textOf(row, "sei_category");
  const sei = ctx.memo.sei.get(seiRaw ?? "", () => parseSeiCategories(seiRaw, ctx.seiNameToCode, ctx.seiCodes));
  if (seiRaw && sei.unmatched.length) warnings.push(issue("unknown_sei", { labels: sei.unmatched }));

  const yearText = textOf(row, "app_year");
  const inventorsRaw = textOf(row, "inventors");
  const inventors = splitInventors(inventorsRaw, ctx.pipeSeparatesPeople);
  // A withheld-name marker (不公告发明人) gives no inventor; its text stays visible under the source header.
  if (inventorsRaw && inventors.length === 0) keepRaw(r, "inventors", inventorsRaw);
  const cited = parsePublicationList(textOf(row, "cited_refs"));
  keepRawIfBad(r, "cited_refs", cited);
  const family = parsePublicationList(textOf(row, "family_members"));
  keepRawIfBad(r, "family_members", family);
  const priorityDates = parseDateList(textOf(row, "priority_dates"));
  keepRawIfBad(r, "priority_dates", priorityDates);
  const patent: PatentDraft = {
    pub_no: pub.pubNo,
    app_no: textOf(row, "app_no")?.normalize("NFKC").replace(/\s+/g, "").toUpperCase() ?? null,
    country: pub.country,
    title,
    abstract: textOf(row, "abstract"),
    claims: textOf(row, "claims"),
    applicants_raw: applicantsText,
    inventors: inventors.length ? inventors.join(";") : null,
    app_date: appDate,
    pub_date: dateOf(r, "pub_date"),
    grant_date: dateOf(r, "grant_date"),
    app_year: appDate ? Number(appDate.slice(0, 4)) : intOf(yearText),
    type: type.type,
    type_raw: typeRaw,
    status: ctx.memo.status.get(statusRaw ?? "", () => normaliseLegalStatus(statusRaw)),
    status_raw: statusRaw,
    ipc_main: ipc.main,
    ipc_all: ipc.all.length ? ipc.all.join(";") : null,
    ipc_raw: ipcRaw,
    province_code: region.provinceCode,
    city_code: region.cityCode,
    district_code: region.districtCode,
    region_raw: regionRaw,
    region_rule: region.basis,
    applicant_address: address,
    agency: textOf(row, "agency"),
    agent: textOf(row, "agent"),
    sei_codes: sei.codes.length ? sei.codes.join(";") : null,
    sei_raw: seiRaw,
    nic_raw: textOf(row, "nic_category"),
    claims_count: countOf(r, "claims_count"),
    cited_by_count: countOf(r, "cited_by_count"),
    title_en: titleEn,
    abstract_en: textOf(row, "abstract_en"),
    cpc: joined(parseCpcList(textOf(row, "cpc"))),
    priority_nos: joined(splitItems(textOf(row, "priority_nos"))),
    priority_dates: joined(priorityDates.dates),
    cited_refs: joined(cited.pubNos),
    cites_count: countOf(r, "cites_count") ?? (cited.pubNos.length || null),
    family_id: textOf(row, "family_id"),
    family_members: joined(family.pubNos),
    family_count: countOf(r, "family_count") ?? (family.pubNos.length || null),
    sources: ctx.source,
    extra_json: Object.keys(extra).length ? JSON.stringify(extra) : null,
  };
  return { ok: true, patent, warnings };
}
