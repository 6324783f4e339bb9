import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ooxmlKind } from "../../uploads/ooxml-kind.js";
import { part, workbook, zipOf } from "../../uploads/xlsx-test-kit.js";
import { AttachmentStore, sniffType } from "./attachment-store.js";
import { FILES } from "./cases.test-kit.js";

describe("attachment content sniffing", () => {
  it("recognises PDF, PNG, JPEG and DOCX by their bytes, never by name", () => {
    expect(sniffType(FILES.pdf)).toBe("pdf");
    expect(sniffType(FILES.png)).toBe("png");
    expect(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe("jpeg");
    expect(sniffType(FILES.docx)).toBe("docx");
    // a ZIP that is not a Word document (e.g. an .xlsx or an archive renamed .docx)
    expect(
      sniffType(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("xl/workbook.xml")])),
    ).toBeNull();
    expect(sniffType(workbook('<row r="1"><c r="A1"><v>1</v></c></row>'))).toBeNull();
    expect(sniffType(FILES.exe)).toBeNull();
    expect(sniffType(Buffer.alloc(0))).toBeNull();
  });
});

describe("DOCX is a ZIP whose directory lists the Word parts, not a file containing their name (issue #13)", () => {
  it("refuses the ZIP signature followed by the string, a part name only in file data, and a package without content types", () => {
    const fake = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.alloc(26),
      Buffer.from("word/document.xml"),
    ]);
    expect(sniffType(fake)).toBeNull();
    // a real ZIP that only carries the name inside a file's text
    const inText = zipOf([part("[Content_Types].xml", "<Types/>"), part("notes.txt", "see word/document.xml")]);
    expect(sniffType(inText)).toBeNull();
    // a real ZIP with word/document.xml but no [Content_Types].xml is not an OOXML package
    expect(sniffType(zipOf([part("word/document.xml", "<w:document/>")]))).toBeNull();
    // an executable with the Word document appended: the directory is found, but the file does not start as a ZIP
    expect(sniffType(Buffer.concat([FILES.exe, FILES.docx]))).toBeNull();
    expect(sniffType(FILES.docx)).toBe("docx");
    expect(ooxmlKind(FILES.docx)).toBe("docx");
    expect(ooxmlKind(workbook(""))).toBe("xlsx");
  });
});

describe("attachment store", () => {
  it("stores once by checksum, leaves no temporary files, and refuses a changed file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zhichan-att-"));
    const store = new AttachmentStore(dir);
    const a = store.put(FILES.pdf);
    expect(a.sha256).toBe(crypto.createHash("sha256").update(FILES.pdf).digest("hex"));
    expect(store.put(FILES.pdf)).toEqual(a);
    expect(fs.readdirSync(path.join(dir, a.sha256.slice(0, 2)))).toEqual([a.sha256]);
    expect(store.read(a.storageName, a.sha256)?.equals(FILES.pdf)).toBe(true);
    fs.writeFileSync(path.join(dir, a.storageName), Buffer.from("%PDF-tampered"));
    expect(store.read(a.storageName, a.sha256)).toBeNull();
    expect(store.read("../../etc/passwd", a.sha256)).toBeNull();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
