import type { CaseTypeInfo } from "@zhichan/shared";
import { describe, expect, it } from "vitest";
import { acceptOf, applicationRules, fileProblem, formatBytes, missingKinds, sniffFileType } from "./attachmentCheck";

const PDF = new TextEncoder().encode("%PDF-1.7\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]);
const EXE = new TextEncoder().encode("MZ\x90\x00");
const licence = {
  kind: "business_licence",
  label: { zh: "营业执照", en: "business licence" },
  types: ["pdf", "png", "jpeg"],
  requiredBefore: "approve",
  maxBytes: 10 * 1024 * 1024,
  atApplication: "required" as const,
};

describe("files checked in the browser as the server checks them", () => {
  it("tells the type from the first bytes, never from the name alone", () => {
    expect(sniffFileType(PDF, "a.png")).toBe("pdf");
    expect(sniffFileType(PNG, "x")).toBe("png");
    expect(sniffFileType(JPEG, "photo.jpg")).toBe("jpeg");
    expect(sniffFileType(ZIP, "协议.docx")).toBe("docx");
    expect(sniffFileType(ZIP, "archive.zip")).toBeNull();
    expect(sniffFileType(EXE, "licence.pdf")).toBeNull();
  });

  it("refuses empty, too large and wrong-type files for the kind", () => {
    expect(fileProblem({ name: "a.pdf", size: 100 }, PDF, licence)).toBeNull();
    expect(fileProblem({ name: "a.pdf", size: 0 }, PDF, licence)).toBe("empty");
    expect(fileProblem({ name: "a.pdf", size: licence.maxBytes + 1 }, PDF, licence)).toBe("tooLarge");
    expect(fileProblem({ name: "a.docx", size: 100 }, ZIP, licence)).toBe("wrongType"); // licence: no Word files
    expect(fileProblem({ name: "a.pdf", size: 100 }, EXE, licence)).toBe("wrongType");
  });

  it("offers the kind's types in the file picker and says sizes in words", () => {
    expect(acceptOf(licence)).toBe(".pdf,application/pdf,.png,image/png,.jpg,.jpeg,image/jpeg");
    expect(formatBytes(10 * 1024 * 1024)).toBe("10 MB");
    expect(formatBytes(1536 * 1024)).toBe("1.5 MB");
    expect(formatBytes(2048)).toBe("2 KB");
    expect(formatBytes(12)).toBe("12 B");
  });
});

describe("the attachment step", () => {
  const info = {
    attachments: [
      { ...licence, kind: "evidence", atApplication: "optional", requiredBefore: null },
      { ...licence, kind: "agreement", atApplication: null },
      licence,
    ],
  } as unknown as CaseTypeInfo;

  it("asks for the required kinds first, then the optional ones, never the later ones", () => {
    expect(applicationRules(info).map((r) => r.kind)).toEqual(["business_licence", "evidence"]);
  });

  it("holds the submit back until every required kind has a file", () => {
    const rules = applicationRules(info);
    expect(missingKinds(rules, []).map((r) => r.kind)).toEqual(["business_licence"]);
    expect(missingKinds(rules, [{ kind: "evidence" }]).map((r) => r.kind)).toEqual(["business_licence"]);
    expect(missingKinds(rules, [{ kind: "business_licence" }])).toEqual([]);
  });
});
