import type { PublicationNumber } from "./publication-number.js";

export type PatentTypeCode = "invention_application" | "invention_grant" | "utility_model" | "design";

/** How the type was decided, so the importer can say so: the source's own word, the kind code, or the default. */
export type PatentTypeBasis = "raw" | "kind" | "default";

const RAW_TYPES: Array<[RegExp, PatentTypeCode]> = [
  [/发明授权|授权发明|invention grant|granted patent|^grant$/i, "invention_grant"],
  [/发明公[布开]|发明申请|invention application|^application$|^invention$|^发明$/i, "invention_application"],
  [/实用新型|utility/i, "utility_model"],
  [/外观设计|外观|design/i, "design"],
];

function typeFromRawPart(part: string): PatentTypeCode | null {
  for (const [re, type] of RAW_TYPES) if (re.test(part.trim())) return type;
  return null;
}

/**
 * Type from the kind code. CN: A application, B/C grant, U/Y utility model, S/D design. Elsewhere (US/EP/WO …):
 * A* / L / P application, B* / C* / E* (US reissue) / T* (translations of granted EPs) grant, U* utility model,
 * S design, D0 (GB/IL early publications) application; US 'D' series numbers are designs whatever the kind.
 */
export function typeFromKind(pub: PublicationNumber): PatentTypeCode | null {
  if (pub.country === "US" && /^USD/.test(pub.pubNo)) return "design";
  const k = pub.kind;
  if (!k) return null;
  const letter = k[0];
  if (pub.country === "CN") {
    if (letter === "A") return "invention_application";
    if (letter === "B" || letter === "C") return "invention_grant";
    if (letter === "U" || letter === "Y") return "utility_model";
    if (letter === "S" || letter === "D") return "design";
    return null;
  }
  if (pub.country === "DE" && k === "T5") return "invention_application"; // translation of a PCT application
  // Before 2001 the USPTO published only grants, with kind 'A' on a number of at most 8 digits (US5433384A);
  // application publications carry an 11-digit year-first number (US20170158175A1).
  if (pub.country === "US" && k === "A" && /^US\d{1,8}A$/.test(pub.pubNo)) return "invention_grant";
  if (letter === "A" || letter === "L" || letter === "P" || k === "D0") return "invention_application";
  if (letter === "B" || letter === "C" || letter === "E" || letter === "T") return "invention_grant";
  if (letter === "U" || letter === "Y") return "utility_model";
  if (letter === "S") return "design";
  return null;
}

const INVENTION = new Set<PatentTypeCode>(["invention_application", "invention_grant"]);

/**
 * The source's type word wins over a kind-code guess. The one exception is a CN document, whose kind letter is fixed
 * by the CNIPA standard: there application-vs-grant of an invention follows the kind code when the two disagree (a
 * 'B' document is the grant publication even if an export labels the family 发明公布). Elsewhere kind letters changed
 * meaning over time (US 'A' was a grant before 2001), so an explicit 发明授权 is kept. Several words
 * ('发明公开;发明授权') are resolved by the kind code, else the last (most advanced) one. No word and no usable kind
 * code → invention_application, the default for a bare publication (basis 'default').
 */
export function normalisePatentType(
  raw: string | null | undefined,
  pub: PublicationNumber,
): { type: PatentTypeCode; basis: PatentTypeBasis } {
  const fromKind = typeFromKind(pub);
  const words = (raw ?? "")
    .split(/[;；,，|]/)
    .map(typeFromRawPart)
    .filter((t): t is PatentTypeCode => t !== null);
  if (words.length > 0) {
    if (fromKind && words.includes(fromKind)) return { type: fromKind, basis: "raw" };
    const last = words[words.length - 1];
    const kindIsDefinitive = pub.country === "CN";
    if (kindIsDefinitive && fromKind && INVENTION.has(last) && INVENTION.has(fromKind)) {
      return { type: fromKind, basis: "kind" };
    }
    return { type: last, basis: "raw" };
  }
  if (fromKind) return { type: fromKind, basis: "kind" };
  return { type: "invention_application", basis: "default" };
}
