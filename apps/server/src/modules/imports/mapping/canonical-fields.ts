/** The fields an import row can fill; every other column of a file goes to extra_json under its own header. */
export const CANONICAL_FIELDS = [
  "pub_no",
  "app_no",
  "title",
  "abstract",
  "claims",
  "applicants",
  "inventors",
  "app_date",
  "pub_date",
  "grant_date",
  "app_year",
  "patent_type",
  "ipc_main",
  "ipc_all",
  "legal_status",
  "applicant_province",
  "applicant_city",
  "applicant_district",
  "applicant_address",
  "province_code_text",
  "agency",
  "agent",
  "sei_category",
  "nic_category",
  "claims_count",
  "cited_by_count",
  "title_en",
  "abstract_en",
  "cpc",
  "priority_nos",
  "priority_dates",
  "cited_refs",
  "cites_count",
  "family_id",
  "family_members",
  "family_count",
  "region_text",
  // CNIPA XML applicant Province/City/County given as division codes (2, 4 or 6 digits): the region's first rule.
  "division_code",
] as const;
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

export function isCanonicalField(name: string): name is CanonicalField {
  return (CANONICAL_FIELDS as readonly string[]).includes(name);
}
