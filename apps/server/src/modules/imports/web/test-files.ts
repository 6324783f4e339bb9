import crypto from "node:crypto";
import { workbook } from "../../../uploads/xlsx-test-kit.js";

/** Small files the web-import tests build themselves (no records in data/ are used or invented there). */

const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
export const csvOf = (rows: string[][]) => Buffer.from(`${rows.map((r) => r.map(quote).join(",")).join("\n")}\n`);

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const column = (i: number) => String.fromCharCode(65 + i);

/** A one-sheet XLSX of the rows (shared strings, as Excel writes them). */
export function xlsxOf(rows: string[][]): Buffer {
  const strings: string[] = [];
  const index = (s: string) => {
    const at = strings.indexOf(s);
    return at >= 0 ? at : strings.push(s) - 1;
  };
  const sheet = rows
    .map(
      (r, ri) =>
        `<row r="${ri + 1}">${r
          .map((c, ci) => (c === "" ? "" : `<c r="${column(ci)}${ri + 1}" t="s"><v>${index(c)}</v></c>`))
          .join("")}</row>`,
    )
    .join("");
  return workbook(sheet, strings); // the kit escapes them
}

/** A CNIPA XML V2.2.1 document (bare element names), built from ../shared/reference/cnipa-xml-fieldmap.md. */
export function cnipaXml(o: { docNumber: string; appNo: string; title: string; applicant: string }): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<PatentDocumentAndRelated xsdVersion="V2.2.1" country="CN" docNumber="${o.docNumber}" kind="U" datePublication="20230328">
 <BibliographicData>
  <PublicationReference><DocumentID><WIPOST3Code>CN</WIPOST3Code><DocNumber>${o.docNumber}</DocNumber><Kind>U</Kind><Date>20230328</Date></DocumentID></PublicationReference>
  <ApplicationReference applType="20"><DocumentID><DocNumber>${o.appNo}</DocNumber><Date>20221202</Date></DocumentID></ApplicationReference>
  <ClassificationIPCRDetails><ClassificationIPCR><Text>B64D 47/00 (2006.01)</Text></ClassificationIPCR></ClassificationIPCRDetails>
  <InventionTitle>${esc(o.title)}</InventionTitle>
  <ApplicantDetails><Applicant><AddressBook><Name>${esc(o.applicant)}</Name>
   <Address><Province>41</Province><City>4101</City><County>410105</County></Address></AddressBook></Applicant></ApplicantDetails>
  <InventorDetails><Inventor><AddressBook><Name>刘迪</Name></AddressBook></Inventor></InventorDetails>
 </BibliographicData>
 <Abstract><Paragraphs>实用新型提出了一种无人机机载多功能盒。</Paragraphs></Abstract>
</PatentDocumentAndRelated>`);
}

/** A multipart/form-data body holding one file in the field `file`, as a browser's FormData sends it. */
export function multipart(fileName: string, bytes: Buffer, field = "file") {
  const boundary = `----zhichan${crypto.randomBytes(8).toString("hex")}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      "Content-Type: application/octet-stream\r\n\r\n",
  );
  return {
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}
