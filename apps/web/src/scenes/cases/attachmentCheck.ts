import type { CaseStagedUpload, CaseTypeInfo } from "@zhichan/shared";

/** One attachment kind as the type declares it (GET /api/cases/types). */
export type AttachmentRule = CaseTypeInfo["attachments"][number];
export type FileType = "pdf" | "png" | "jpeg" | "docx";

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/**
 * What a file is, from its first bytes — as the server decides it (attachment-store.ts sniffType), so a file the
 * server would refuse is refused before it is sent: PDF (%PDF-), PNG, JPEG (FF D8 FF). A DOCX is a ZIP; the browser
 * sees its first bytes (PK\3\4) and its name, and the server checks the ZIP's directory for Word's parts.
 */
export function sniffFileType(head: Uint8Array, name: string): FileType | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) && /\.docx$/i.test(name)) return "docx";
  return null;
}

/** Why a chosen file cannot be uploaded for this kind, or null when it may be sent. */
export function fileProblem(
  file: { name: string; size: number },
  head: Uint8Array,
  rule: AttachmentRule,
): "empty" | "tooLarge" | "wrongType" | null {
  if (file.size === 0) return "empty";
  if (file.size > rule.maxBytes) return "tooLarge";
  const type = sniffFileType(head, file.name);
  return type && rule.types.includes(type) ? null : "wrongType";
}

const ACCEPT: Record<string, string> = {
  pdf: ".pdf,application/pdf",
  png: ".png,image/png",
  jpeg: ".jpg,.jpeg,image/jpeg",
  docx: ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** The file input's accept attribute for the kind's types (the picker shows those first; the check above decides). */
export const acceptOf = (rule: AttachmentRule) => rule.types.map((t) => ACCEPT[t] ?? "").join(",");

/** Bytes in words: 10 MB, 512 KB, 300 B. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Number((n / (1024 * 1024)).toFixed(1))} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}

/** The kinds the apply form asks for, required ones first. */
export function applicationRules(info: CaseTypeInfo): AttachmentRule[] {
  const asked = info.attachments.filter((a) => a.atApplication !== null);
  return [
    ...asked.filter((a) => a.atApplication === "required"),
    ...asked.filter((a) => a.atApplication !== "required"),
  ];
}

/** Required kinds with no uploaded file yet: the form may be submitted when this is empty. */
export function missingKinds(rules: AttachmentRule[], uploads: Pick<CaseStagedUpload, "kind">[]): AttachmentRule[] {
  return rules.filter((r) => r.atApplication === "required" && !uploads.some((u) => u.kind === r.kind));
}
