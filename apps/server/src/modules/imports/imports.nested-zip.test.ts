import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection.js";
import { freshDb } from "../../testing/fixture-db.js";
import { part, repeatedDeflate, zipOf } from "../../uploads/xlsx-test-kit.js";
import { importFile } from "./imports.service.js";
import { readImportSource } from "./readers/import-source.js";
import { IMPORT_SOURCE_LIMITS } from "./readers/zip-source.js";

// CNIPA's multi-volume deliveries: an outer ZIP of inner ZIP volumes, one folder per patent (XML + figures).
let db: Db;
let dir: string;
const write = (name: string, content: Uint8Array) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};
const count = () => db.sqlite.prepare("SELECT count(*) FROM patents").pluck().get() as number;
const runsOf = (source: string) =>
  db.sqlite.prepare("SELECT count(*) FROM import_runs WHERE source = ?").pluck().get(source) as number;

/** A utility model (U) document with bare element names (the field map's elements). */
const utility = (docNumber: string, appNo: string) => `<?xml version="1.0" encoding="UTF-8"?>
<PatentDocumentAndRelated xsdVersion="V2.2.1" country="CN" docNumber="${docNumber}" kind="U" datePublication="20230328">
 <BibliographicData>
  <PublicationReference><DocumentID><WIPOST3Code>CN</WIPOST3Code><DocNumber>${docNumber}</DocNumber><Kind>U</Kind><Date>20230328</Date></DocumentID></PublicationReference>
  <ApplicationReference applType="20"><DocumentID><DocNumber>${appNo}</DocNumber><Date>20221202</Date></DocumentID></ApplicationReference>
  <InventionTitle>一种分卷交付的装置${docNumber}</InventionTitle>
  <ApplicantDetails><Applicant><AddressBook><Name>河南某科技有限公司</Name></AddressBook></Applicant></ApplicantDetails>
 </BibliographicData>
</PatentDocumentAndRelated>`;

/** One patent's folder in a volume: its XML and a figure. */
const folder = (docNumber: string, appNo: string) => [
  part(`${docNumber}/CN${docNumber}U.XML`, utility(docNumber, appNo)),
  part(`${docNumber}/figure.JPG`, Buffer.from([0xff, 0xd8, 0xff, 0xe0])),
];

beforeAll(async () => {
  ({ db, dir } = await freshDb());
}, 120_000);

describe("ZIP volumes inside a delivery ZIP", () => {
  it("imports the documents of every volume and a table beside them as one run, naming entries by their path", async () => {
    const vol1 = zipOf([...folder("318000001", "202320000001.1"), ...folder("318000002", "202320000002.X")]);
    const vol2 = zipOf([
      ...folder("318000003", "202320000003.8"),
      part("notes.csv", "publication_number,title\nCN318000009A,卷内表格中的专利\n,没有公开号\n"),
    ]);
    const delivery = zipOf([part("CN-PA-TXTS-20-U/vol1.zip", vol1), part("CN-PA-TXTS-20-U/vol2.zip", vol2)]);
    const r = await importFile(db, write("delivery.zip", delivery), { source: "cnipa_volumes" });
    expect([r.rowsOk, r.rowsBad, r.inserted]).toEqual([4, 1, 4]);
    expect(r.detected?.entries?.map((e) => [e.name, e.rows])).toEqual([
      ["delivery.zip/*.xml", 3],
      ["delivery.zip/CN-PA-TXTS-20-U/vol2.zip/notes.csv", 2],
    ]);
    expect(r.firstIssues[0].reason).toMatch(
      /^delivery\.zip\/CN-PA-TXTS-20-U\/vol2\.zip\/notes\.csv row 2: no publication number/,
    );
    const stored = db.sqlite.prepare("SELECT title FROM patents WHERE pub_no = 'CN318000003U'").pluck().get();
    expect(stored).toBe("一种分卷交付的装置318000003");
  });

  it("refuses a ZIP inside a volume (two levels) with a clear message, nothing written", async () => {
    const before = count();
    const deepest = zipOf(folder("318000011", "202320000011.0"));
    const vol = zipOf([...folder("318000012", "202320000012.5"), part("more/inner.zip", deepest)]);
    const file = write("deep.zip", zipOf([part("vol1.zip", vol)]));
    await expect(importFile(db, file, { source: "deep_zip" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining(
        "deep.zip/vol1.zip/more/inner.zip: a ZIP inside a ZIP volume is not opened (one level of nesting only)",
      ),
    });
    expect(count()).toBe(before);
    expect(runsOf("deep_zip")).toBe(0);
  });

  it("refuses a bomb inside a volume by what it declares, before inflating it", async () => {
    const before = count();
    const bomb = { ...repeatedDeflate("publication_number,title\n", "a".repeat(1 << 20), 1600, "\n"), name: "b.csv" };
    const vol = zipOf([...folder("318000021", "202320000021.2"), bomb]);
    const file = write("nested-bomb.zip", zipOf([part("vol1.zip", vol)]));
    await expect(importFile(db, file, { source: "nested_bomb" })).rejects.toMatchObject({
      code: "TOO_LARGE",
      message: expect.stringMatching(/nested-bomb\.zip: ZIP too large \(declares 16\d\d MB inflated, over 1536 MB\)/),
    });
    expect(count()).toBe(before);
    expect(runsOf("nested_bomb")).toBe(0);
  });

  it("stops a lying entry inside a volume at the size it declared", async () => {
    const liar = { ...repeatedDeflate("publication_number,title\n", "a".repeat(1 << 20), 50, "\n"), name: "data.csv" };
    liar.declaredSize = 1000;
    const file = write("nested-liar.zip", zipOf([part("vol1.zip", zipOf([liar]))]));
    await expect(importFile(db, file, { source: "nested_bomb" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining(
        "nested-liar.zip: unreadable ZIP entry (data.csv: inflates past its declared size)",
      ),
    });
  });

  it("refuses a document inside a volume whose bytes do not match its CRC", async () => {
    const doc = part("318000031/CN318000031U.XML", utility("318000031", "202320000031.9"));
    const file = write("crc.zip", zipOf([part("vol1.zip", zipOf([{ ...doc, crc32: doc.crc32 ^ 1 }]))]));
    await expect(importFile(db, file, { source: "crc_zip" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("crc.zip: unreadable ZIP entry (318000031/CN318000031U.XML is corrupt)"),
    });
  });

  it("refuses a volume that is not a ZIP, naming it", async () => {
    const file = write("broken.zip", zipOf([part("vol1.zip", "this is not a zip")]));
    await expect(importFile(db, file, { source: "broken_zip" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("broken.zip: unreadable ZIP entry (vol1.zip: not a zip)"),
    });
  });
});

describe("the bounds count both levels together", () => {
  it("counts entries over the delivery and its volumes", async () => {
    const limits = { ...IMPORT_SOURCE_LIMITS, maxZipEntries: 10 };
    const vol = (from: number) =>
      zipOf([...folder(`31800${from}1`, "202320000031.9"), ...folder(`31800${from}2`, "202320000032.7")]);
    // 3 + 4 + 4 = 11 entries: each directory alone is under 10.
    const file = write("many.zip", zipOf([part("v1.zip", vol(3)), part("v2.zip", vol(4)), part("readme.pdf", "x")]));
    await expect(readImportSource(file, "many.zip", undefined, limits)).rejects.toMatchObject({
      code: "TOO_LARGE",
      message: expect.stringContaining("many.zip: too many ZIP entries (v2.zip brings them to 11, over 10"),
    });
    await expect(readImportSource(file, "many.zip", undefined, { ...limits, maxZipEntries: 11 })).resolves.toBeTruthy();
  });

  it("adds what the volumes declare to what the delivery declares, before a volume's entries are inflated", async () => {
    // Random hex compresses to about half: the delivery declares a ~22 KB volume, the volume a 40 KB table.
    const table = `publication_number,title\n${crypto.randomBytes(20_000).toString("hex")}\n`;
    const file = write("sizes.zip", zipOf([part("v1.zip", zipOf([part("data.csv", table)]))]));
    const limits = { ...IMPORT_SOURCE_LIMITS, maxTotalBytes: 50_000 };
    await expect(readImportSource(file, "sizes.zip", undefined, limits)).rejects.toMatchObject({
      code: "TOO_LARGE",
      message: expect.stringMatching(/sizes\.zip: ZIP too large \(declares 6\d KB inflated, over 49 KB\)/),
    });
    await expect(
      readImportSource(file, "sizes.zip", undefined, { ...limits, maxTotalBytes: 70_000 }),
    ).resolves.toBeTruthy();
  });
});
