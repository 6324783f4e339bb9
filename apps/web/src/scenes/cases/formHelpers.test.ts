import { CASE_FORMS } from "@zhichan/shared";
import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { issuesByField } from "../../i18n/validation";
import { fromDraftValues, parseDraft, toDraftValues } from "./applyDraft";
import { prefillValues } from "./applyPrefill";
import { formFields, inputFields, validateForm } from "./formFields";
import { rulesFor } from "./formRules";

/** A translator that shows which sentence and values were chosen. */
const t = (key: string, vars: Record<string, unknown> = {}) =>
  `${key}${Object.keys(vars).length ? JSON.stringify(vars) : ""}`;
const field = (type: string, key: string) => {
  const f = formFields(type).find((x) => x.key === key);
  if (!f) throw new Error(`no field ${key}`);
  return f;
};
/** The first failing rule's message for a value, or null when every rule passes. */
async function verdict(type: string, key: string, value: unknown): Promise<string | null> {
  const f = field(type, key);
  for (const r of rulesFor(f, key, t)) {
    const missing = value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length);
    if (r.required && missing) return r.message ?? "required"; // as antd decides emptiness
    try {
      await r.validator?.({}, value);
    } catch (e) {
      return (e as Error).message;
    }
  }
  return null;
}

describe("form fields read from the shared schemas", () => {
  it("carry the schema's bounds and pick the control", () => {
    expect(field("protection_registration", "enterpriseName")).toMatchObject({
      kind: "text",
      required: true,
      minLength: 1,
      maxLength: 100,
    });
    expect(field("talent_reward", "attorneyExamYear")).toMatchObject({ kind: "year", min: 1990, max: 2100 });
    expect(field("talent_reward", "firstPracticeDistrict")).toMatchObject({ kind: "district", required: false });
    expect(field("pledge_financing", "assetNumbers")).toMatchObject({ kind: "tags", minItems: 1, maxItems: 200 });
    expect(field("ip_listing", "niceClass")).toMatchObject({ kind: "number", required: false, min: 1, max: 45 });
    expect(field("mediation", "description").kind).toBe("textarea");
    expect(inputFields("pledge_registration").find((f) => f.key === "registeredOn")?.kind).toBe("date");
  });
});

describe("per-field rules with the catalogue's sentences", () => {
  it("asks for required fields, by typing or by choosing", async () => {
    expect(await verdict("protection_registration", "enterpriseName", "")).toBe(
      'validation.required{"field":"enterpriseName"}',
    );
    expect(await verdict("mediation", "disputeType", undefined)).toBe('validation.choose{"field":"disputeType"}');
    expect(await verdict("talent_reward", "attorneyExamYear", undefined)).toBeNull(); // optional
  });

  it("checks lengths, patterns (a field's own sentence when it has one), numbers and years", async () => {
    expect(await verdict("protection_registration", "enterpriseName", "x".repeat(101))).toBe(
      'validation.maxLength{"field":"enterpriseName","max":100}',
    );
    expect(await verdict("protection_registration", "uscc", "123")).toBe("validation.domain.creditCode");
    expect(await verdict("protection_registration", "uscc", "91350100m000100y43")).toBeNull(); // as the server: /i
    expect(await verdict("protection_registration", "contactPhone", "1370000111")).toBe("validation.domain.mobile");
    expect(await verdict("protection_registration", "contactPhone", "13700001111")).toBeNull();
    expect(await verdict("pre_examination", "inventionTitle", "x".repeat(201))).toBe(
      'validation.maxLength{"field":"inventionTitle","max":200}',
    );
    expect(await verdict("pledge_financing", "termMonths", 0)).toBe('validation.min{"field":"termMonths","min":1}');
    expect(await verdict("pledge_financing", "termMonths", 1.5)).toBe('validation.integer{"field":"termMonths"}');
    expect(await verdict("talent_reward", "attorneyExamYear", dayjs("1985-01-01"))).toBe(
      'validation.min{"field":"attorneyExamYear","min":1990}',
    );
    expect(await verdict("talent_reward", "attorneyExamYear", dayjs("2015-01-01"))).toBeNull();
    expect(await verdict("listing_enquiry", "listingId", 1)).toBeNull();
    expect(await verdict("listing_enquiry", "listingId", 0)).toBe('forms.above{"field":"listingId","min":0}');
  });

  it("asks antd to check the type of text fields only (a number with whitespace: true is refused as not a string)", () => {
    const [required] = rulesFor(field("listing_enquiry", "listingId"), "listingId", t);
    expect(required).toEqual({ required: true, message: 'validation.required{"field":"listingId"}' });
    expect(rulesFor(field("mediation", "otherParty"), "otherParty", t)[0]).toMatchObject({ whitespace: true });
  });

  it("asks for at least one pledged number, and checks each against the pledge's IP type when the form is sent", async () => {
    expect(await verdict("pledge_financing", "assetNumbers", [])).toBe('validation.required{"field":"assetNumbers"}');
    const base = { pledgor: "某科技有限公司", bank: "某银行郑州分行", amountYuan: 100_000, termMonths: 12 };
    expect(validateForm("form", "pledge_financing", { ...base, assetNumbers: ["CN112345678A"] }).ok).toBe(true);
    // the issues validateForm puts in words, said with the test's translator
    const said = (type: "pledge_financing" | "ip_listing", v: unknown) =>
      issuesByField(CASE_FORMS[type].safeParse(v).error?.issues ?? [], t as never);
    const tm = said("pledge_financing", {
      ...base,
      assetType: "trademark",
      assetNumbers: ["41173195/5", "CN112345678A"],
    });
    expect(tm.assetNumbers).toBe("validation.domain.trademarkNumber");
    const listing = { listingKind: "licence", assetTitle: "某商标", assetType: "trademark", assetNumber: "41173195" };
    expect(said("ip_listing", listing).niceClass).toBe("validation.domain.niceClassRequired");
    expect(said("ip_listing", { ...listing, niceClass: 35 })).toEqual({});
  });
});

describe("drafts", () => {
  const fields = [...formFields("talent_reward"), ...inputFields("pledge_registration")];
  it("keep dates as text and years as numbers, and give the pickers their values back", () => {
    const values = {
      title: "人才奖励",
      filedAs: "org:3",
      personName: "测试人员",
      attorneyExamYear: dayjs("2015-06-01"),
      registeredOn: dayjs("2026-03-02"),
      engineerTitle: undefined,
      overseasCases: "",
    };
    const stored = toDraftValues(fields, values);
    expect(stored).toEqual({
      title: "人才奖励",
      filedAs: "org:3",
      personName: "测试人员",
      attorneyExamYear: 2015,
      registeredOn: "2026-03-02",
    });
    const back = fromDraftValues(fields, JSON.parse(JSON.stringify(stored)));
    expect((back.attorneyExamYear as dayjs.Dayjs).year()).toBe(2015);
    expect((back.registeredOn as dayjs.Dayjs).format("YYYY-MM-DD")).toBe("2026-03-02");
    expect(fromDraftValues(fields, { registeredOn: "yesterday" })).toEqual({});
  });

  it("ignore stored text that is not a draft", () => {
    expect(parseDraft(null)).toBeNull();
    expect(parseDraft("{not json")).toBeNull();
    expect(parseDraft(JSON.stringify({ v: 2, savedAt: 1, values: {} }))).toBeNull();
    expect(parseDraft(JSON.stringify({ v: 1, savedAt: 5, values: { a: 1 } }))).toEqual({
      v: 1,
      savedAt: 5,
      values: { a: 1 },
    });
  });
});

describe("pre-filling from the applicant's organisation", () => {
  const org = { name: "测试电池科技有限公司", code: "91410100MA1000000X", district: "410105" };
  it("fills only the form's empty fields, never what was typed", () => {
    const fields = formFields("protection_registration");
    expect(prefillValues(fields, { org, person: "王工" }, { uscc: "" })).toEqual({
      enterpriseName: org.name,
      uscc: org.code,
      contactName: "王工",
    });
    expect(prefillValues(fields, { org, person: "王工" }, { enterpriseName: "已填写" })).not.toHaveProperty(
      "enterpriseName",
    );
  });

  it("names the person for a reward claimed as a person, the district of first practice from the organisation", () => {
    const fields = formFields("talent_reward");
    expect(prefillValues(fields, { org: null, person: "李四" }, {})).toEqual({ personName: "李四" });
    expect(prefillValues(fields, { org, person: "李四" }, {})).toEqual({ firstPracticeDistrict: "410105" });
  });
});
