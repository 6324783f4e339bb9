import type { LegalEventCategory } from "@zhichan/shared";

/**
 * The category of each CNIPA legal-status code (../shared/reference/cnipa-legal-status-codes.csv), so the detail
 * page can name a transfer, licence or pledge in the reader's language; the code and the record's own words stay.
 */
const CATEGORY_BY_CODE: Record<string, LegalEventCategory> = {
  AV01: "termination",
  CB03: "change",
  CD02: "correction",
  CF01: "termination",
  CX01: "termination",
  CP01: "change",
  CP02: "change",
  CP03: "change",
  DD01: "notice",
  EC01: "licence",
  EE01: "licence",
  EM01: "licence",
  GR01: "grant",
  IP01: "invalidation",
  IW01: "invalidation",
  PC01: "pledge",
  PE01: "pledge",
  PM01: "pledge",
  PD01: "preservation",
  PP01: "preservation",
  RR01: "restoration",
  TR01: "transfer",
};

/** Null for a code outside the published list: the page then shows the code and the record's words only. */
export const legalEventCategory = (code: string): LegalEventCategory | null =>
  CATEGORY_BY_CODE[code.trim().toUpperCase()] ?? null;
