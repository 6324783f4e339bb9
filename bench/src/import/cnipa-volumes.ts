/**
 * The scaled rows as a CNIPA bulk delivery: one CNIPA XML V2.2.1 document per patent (elements of
 * ../shared/reference/cnipa-xml-fieldmap.md, namespace-prefixed as CNIPA writes them), one folder per patent, inner
 * ZIP volumes of 2,000 patents, all inside one outer ZIP (the multi-volume shape the importer opens one level deep).
 */
import fs from "node:fs";
import { part, type ZipPart, zipOf } from "../../../apps/server/src/uploads/xlsx-test-kit.ts";
import type { MergedRow } from "./scaled-rows.ts";

export const PATENTS_PER_VOLUME = 2000;

const NS =
  'xmlns:business="http://www.sipo.gov.cn/XMLSchema/business" xmlns:base="http://www.sipo.gov.cn/XMLSchema/base"';
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const ymd = (d: string) => d.replace(/-/g, "");
const list = (s: string) =>
  s
    .split(";")
    .map((x) => x.trim())
    .filter(Boolean);

/** 'B60R21/203' → 'B60R 21/203', as the IPCR Text element prints it. */
const ipcText = (code: string) => code.replace(/^([A-H]\d\d[A-Z])\s*/, "$1 ");

function applType(type: string): string {
  if (type.startsWith("实用新型")) return "20";
  if (type.startsWith("外观")) return "30";
  return "10";
}

function applicantXml(name: string, first: boolean, r: MergedRow): string {
  const address = first
    ? `<base:Address>${r.applicant_province ? `<base:Province>${esc(r.applicant_province)}</base:Province>` : ""}${
        r.applicant_city ? `<base:City>${esc(r.applicant_city)}</base:City>` : ""
      }${r.applicant_district ? `<base:County>${esc(r.applicant_district)}</base:County>` : ""}${
        r.applicant_address ? `<base:Text>${esc(r.applicant_address)}</base:Text>` : ""
      }</base:Address>`
    : "";
  return `<business:Applicant><base:AddressBook><base:Name>${esc(name)}</base:Name>${address}</base:AddressBook></business:Applicant>`;
}

/** One patent document. */
export function cnipaDocument(r: MergedRow): { path: string; xml: string } {
  const m = /^CN(\d+)([A-Z]\d?)$/.exec(r.publication_number);
  const docNumber = m?.[1] ?? r.publication_number;
  const kind = m?.[2] ?? "A";
  const pubDate = ymd(r.publication_date || r.grant_date);
  const app = r.application_number.replace(/^CN/, "");
  const ipcs = list(r.ipc_all || r.ipc_main);
  const applicants = list(r.applicants);
  const inventors = list(r.inventors);
  const agency = r.agency
    ? `<business:AgentDetails><business:Agent><business:Agency><base:AddressBook><base:OrganizationName>${esc(r.agency)}</base:OrganizationName></base:AddressBook></business:Agency>${
        r.agent ? `<base:AddressBook><base:Name>${esc(list(r.agent)[0] ?? r.agent)}</base:Name></base:AddressBook>` : ""
      }</business:Agent></business:AgentDetails>`
    : "";
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<business:PatentDocumentAndRelated ${NS} xsdVersion="V2.2.1" file="CN${docNumber}${kind}.XML" dateProduced="${pubDate}" status="C" lang="zh" country="CN" docNumber="${docNumber}" kind="${kind}" datePublication="${pubDate}">
 <business:BibliographicData>
  <business:PublicationReference><base:DocumentID><base:WIPOST3Code>CN</base:WIPOST3Code><base:DocNumber>${docNumber}</base:DocNumber><base:Kind>${kind}</base:Kind><base:Date>${pubDate}</base:Date></base:DocumentID></business:PublicationReference>
  ${app ? `<business:ApplicationReference business:applType="${applType(r.patent_type)}"><base:DocumentID><base:WIPOST3Code>CN</base:WIPOST3Code><base:DocNumber>${app}</base:DocNumber><base:Date>${ymd(r.application_date)}</base:Date></base:DocumentID></business:ApplicationReference>` : ""}
  <business:ClassificationIPCRDetails>${ipcs.map((c) => `<business:ClassificationIPCR><base:Text>${esc(ipcText(c))}</base:Text></business:ClassificationIPCR>`).join("")}</business:ClassificationIPCRDetails>
  <business:InventionTitle>${esc(r.title)}</business:InventionTitle>
  <business:ApplicantDetails>${applicants.map((a, i) => applicantXml(a, i === 0, r)).join("")}</business:ApplicantDetails>
  <business:InventorDetails>${inventors.map((n) => `<business:Inventor><base:AddressBook><base:Name>${esc(n)}</base:Name></base:AddressBook></business:Inventor>`).join("")}</business:InventorDetails>
  ${agency}
 </business:BibliographicData>
 ${r.abstract ? `<business:Abstract><base:Paragraphs>${esc(r.abstract)}</base:Paragraphs></business:Abstract>` : ""}
</business:PatentDocumentAndRelated>`;
  const name = `CN${docNumber}${kind}`;
  return { path: `${name}/${name}.XML`, xml };
}

/** Writes the outer ZIP of volumes; returns how many volumes it holds. */
export function writeCnipaDelivery(file: string, rows: Iterable<MergedRow>): number {
  const volumes: ZipPart[] = [];
  let docs: ZipPart[] = [];
  const seal = () => {
    const n = String(volumes.length + 1).padStart(3, "0");
    volumes.push(part(`CN-PA-BIBS-ABSS-10-A/20240105/CN-PA-BIBS-ABSS-10-A_20240105_${n}.zip`, zipOf(docs)));
    docs = [];
  };
  for (const row of rows) {
    const d = cnipaDocument(row);
    docs.push(part(d.path, d.xml));
    if (docs.length === PATENTS_PER_VOLUME) seal();
  }
  if (docs.length) seal();
  fs.writeFileSync(file, zipOf(volumes));
  return volumes.length;
}
