import type { CanonicalField } from "../mapping/canonical-fields.js";
import { all, at, find, firstElements, kids, textAt, textOf, type XmlNode } from "./xml-tree.js";

/**
 * CNIPA standardized patent XML (xsdVersion V2.2.1, ../shared/reference/cnipa-xml-fieldmap.md): one file is one
 * patent document (root PatentDocumentAndRelated) or legal-status (PRS) records. No real sample was available, so
 * element names follow that description; prefixed (business:, base:) and bare names are the same element.
 */

/** Canonical fields an XML document fills, in the fixed column order of the 'CNIPA XML' layout. */
export const XML_FIELDS = [
  "pub_no",
  "pub_date",
  "grant_date",
  "app_no",
  "app_date",
  "patent_type",
  "ipc_main",
  "ipc_all",
  "title",
  "abstract",
  "claims",
  "applicants",
  "applicant_province",
  "applicant_city",
  "applicant_district",
  "applicant_address",
  "division_code",
  "inventors",
  "agency",
  "agent",
  "priority_nos",
  "priority_dates",
  "cited_refs",
] as const satisfies readonly CanonicalField[];

/** Values with no canonical field: kept in extra_json under these headers, like any unmapped source column. */
export const XML_EXTRA = [
  "代理机构代码 AgencyCode",
  "申请人邮编 PostCode",
  "申请人地址 Applicants' addresses",
  "专利权人 Assignees",
  "审查员 Examiner",
  "摘要附图 AbstractFigure",
  "申请类型 applType",
  "XML 文件 file",
  "XML 生成日期 dateProduced",
] as const;

export type XmlPatentValues = Partial<Record<(typeof XML_FIELDS)[number] | (typeof XML_EXTRA)[number], string>>;

/** One legal-status record: which application, which event (code + wording), what it says and when it was published. */
export interface PrsRecord {
  appNo: string;
  code: string;
  value: string;
  information: string;
  date: string;
}

/** CNIPA applType → the type word our normaliser reads (the kind code then decides application vs grant). */
const APPL_TYPE: Record<string, string> = { "10": "发明", "20": "实用新型", "30": "外观设计" };

const join = (items: string[]) => items.filter(Boolean).join(";");
const digitsOnly = (s: string) => /^\d{2}(\d{2}(\d{2})?)?$/.test(s);

/** 'CN' + '201510163325.6' → 'CN201510163325.6' (the form the other sources use); a number with letters stays. */
function appNumber(country: string, docNumber: string): string {
  const n = docNumber.replace(/\s+/g, "");
  return n && /^\d/.test(n) ? `${country || "CN"}${n}` : n;
}

/** 'CN' '104751825' 'B' → 'CN104751825B'; a DocNumber that already starts with the country is not prefixed twice. */
function publicationNumber(doc: XmlNode | undefined): string {
  const country = textAt(doc, "WIPOST3Code") || textAt(doc, "Country");
  const number = textAt(doc, "DocNumber").replace(/\s+/g, "");
  if (!number) return "";
  const kind = textAt(doc, "Kind");
  const prefixed = /^[A-Z]{2}/i.test(number) ? number : `${country || "CN"}${number}`;
  return kind && !prefixed.toUpperCase().endsWith(kind.toUpperCase()) ? `${prefixed}${kind}` : prefixed;
}

/** An IPCR entry: its printed Text ('G09G 5/10 (2006.01)'), else the code built from its parts. */
function ipcCode(c: XmlNode): string {
  const text = textAt(c, "Text");
  if (text) return text;
  const [s, mc, sc, mg, sg] = ["Section", "MainClass", "Subclass", "MainGroup", "Subgroup"].map((n) => textAt(c, n));
  return s && mg ? `${s}${mc}${sc}${mg}/${sg || "00"}` : "";
}

/** Province/City/County of an address, as names or as division codes (the finest code given wins). */
function addressParts(address: XmlNode | undefined) {
  const [province, city, county] = ["Province", "City", "County"].map((n) => textAt(address, n));
  const code = [county, city, province].find((v) => v && digitsOnly(v)) ?? "";
  const name = (v: string) => (v && !digitsOnly(v) ? v : "");
  return { province: name(province), city: name(city), county: name(county), code };
}

/** Reads one PatentDocumentAndRelated element into the fixed 'CNIPA XML' columns. */
export function patentValues(doc: XmlNode): XmlPatentValues {
  const elements = firstElements(doc); // find(doc, name) for every name, in one walk
  const el = (name: string) => elements.get(name);
  const biblio = at(doc, "BibliographicData") ?? doc;
  const pubDoc = at(biblio, "PublicationReference/DocumentID");
  const pubNo = publicationNumber(pubDoc) || publicationFromRoot(doc);
  const kind = (textAt(pubDoc, "Kind") || doc.attrs.kind || "").toUpperCase();
  const pubDate = textAt(pubDoc, "Date") || doc.attrs.datePublication || "";
  const appRef = at(biblio, "ApplicationReference");
  const appDoc = at(appRef, "DocumentID");
  const applType = appRef?.attrs.applType ?? "";
  const ipcs = all(el("ClassificationIPCRDetails") ?? biblio, "ClassificationIPCR").map(ipcCode);

  const applicants = all(el("ApplicantDetails"), "Applicant/AddressBook");
  const first = addressParts(at(applicants[0], "Address"));
  const addresses = applicants.map((a) => textAt(a, "Address/Text"));
  const agents = kids(el("AgentDetails"), "Agent");
  const agency = agents.map((a) => textAt(a, "Agency/AddressBook/OrganizationName")).find(Boolean) ?? "";
  const citations = all(el("ReferencesCited"), "Citation/ApplicationCitation/PublicationReference/DocumentID");
  const priorities = findAll(doc, "PriorityClaim");
  const claims = all(el("Claims"), "Claim").map((c) => textAt(c, "ClaimText") || textOf(c));
  const figure = at(el("Abstract"), "AbstractFigure/Figure/Image");

  return {
    pub_no: pubNo,
    pub_date: pubDate,
    // B and U documents are grant announcements: their publication date is the grant's.
    grant_date: kind === "B" || kind === "U" || kind === "S" ? pubDate : "",
    app_no: appNumber(textAt(appDoc, "WIPOST3Code") || textAt(pubDoc, "WIPOST3Code"), textAt(appDoc, "DocNumber")),
    app_date: textAt(appDoc, "Date"),
    patent_type: APPL_TYPE[applType] ?? "",
    ipc_main: ipcs[0] ?? "",
    ipc_all: join(ipcs),
    title: textOf(find(biblio, "InventionTitle") ?? el("InventionTitle")),
    abstract: all(el("Abstract"), "Paragraphs").map(textOf).join("\n") || textOf(el("Abstract")),
    claims: claims.join("\n"),
    applicants: join(applicants.map((a) => textAt(a, "Name") || textAt(a, "OrganizationName"))),
    applicant_province: first.province,
    applicant_city: first.city,
    applicant_district: first.county,
    applicant_address: addresses[0] ?? "",
    division_code: first.code,
    inventors: join(all(el("InventorDetails"), "Inventor/AddressBook").map((a) => textAt(a, "Name"))),
    agency,
    agent: join(agents.map((a) => textAt(a, "AddressBook/Name"))),
    priority_nos: join(priorities.map((p) => priorityNumber(p))),
    priority_dates: join(priorities.map((p) => textAt(p, "Date") || textAt(p, "DocumentID/Date"))),
    cited_refs: join(citations.map(publicationNumber)),
    "代理机构代码 AgencyCode": textAt(el("AgentDetails"), "CustomerNumber"),
    "申请人邮编 PostCode": textAt(applicants[0], "Address/PostCode"),
    // Every applicant's address, when there are several (the first one is applicant_address).
    "申请人地址 Applicants' addresses": addresses.filter(Boolean).length > 1 ? addresses.join(" | ") : "",
    "专利权人 Assignees": join(
      all(el("AssigneeDetails"), "Assignee/AddressBook").map((a) => textAt(a, "Name") || textAt(a, "OrganizationName")),
    ),
    "审查员 Examiner": join(all(el("ExaminerDetails"), "Examiner").map((e) => textAt(e, "Name") || textOf(e))),
    "摘要附图 AbstractFigure": figure?.attrs.file ?? "",
    "申请类型 applType": applType,
    "XML 文件 file": doc.attrs.file ?? "",
    "XML 生成日期 dateProduced": doc.attrs.dateProduced ?? "",
  };
}

/** Without a PublicationReference, the root's own attributes (country, docNumber, kind) name the document. */
function publicationFromRoot(doc: XmlNode): string {
  const { country = "CN", docNumber = "", kind = "" } = doc.attrs;
  return docNumber ? `${country}${docNumber}${kind}` : "";
}

/** A priority claim's number with its office ('CN 201410123456.7' or 'US 62/123,456' as given). */
function priorityNumber(p: XmlNode): string {
  const country = textAt(p, "WIPOST3Code") || textAt(p, "Country") || textAt(p, "DocumentID/WIPOST3Code");
  const number = textAt(p, "DocNumber") || textAt(p, "DocumentID/DocNumber");
  if (!number) return textOf(p).split(" ")[0] ?? "";
  return country && !number.startsWith(country) ? `${country}${number}` : number;
}

function findAll(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      else walk(c);
    }
  };
  walk(node);
  return out;
}

/** Every PRSRecord in the document (one file may hold one or many), with the application it names. */
export function prsRecords(root: XmlNode): PrsRecord[] {
  return findAll(root, "PRSRecord").map((r) => {
    const refs = kids(r, "ApplicationReference");
    // 'standard' is the normalised application number; 'original' the number as first printed.
    const ref = refs.find((x) => x.attrs.dataFormat === "standard") ?? refs[0];
    const doc = at(ref, "DocumentID");
    return {
      appNo: appNumber(textAt(doc, "WIPOST3Code"), textAt(doc, "DocNumber")),
      code: textAt(r, "PRSCode").toUpperCase(),
      value: textAt(r, "PRSValue"),
      information: textAt(r, "PRSInformation"),
      date: textAt(r, "PRSPublicationDate/Date") || textAt(r, "PRSPublicationDate"),
    };
  });
}

/** What one XML file holds: a patent document, PRS records, or (for the caller to refuse) neither. */
export function classifyXml(root: XmlNode): { patent?: XmlNode; prs?: PrsRecord[]; rootName: string } {
  const top = root.children.find((c) => c.name !== "#text");
  const rootName = top?.name ?? "";
  if (top?.name === "PatentDocumentAndRelated") return { patent: top, rootName };
  const prs = prsRecords(root);
  return prs.length ? { prs, rootName } : { rootName };
}
