/**
 * Eligibility for the plan's talent rewards. Facts come from the registry when it has them, otherwise from the
 * applicant's declaration (and `source` says which); every rule that fails is named so the official sees why.
 */
export type RewardCategory = "attorney_first_practice" | "ip_engineer" | "brand_agency" | "overseas_counselling";

export interface RewardFacts {
  source: "registry" | "declared";
  /** The city's division code prefix, e.g. "4101". */
  cityCode: string;
  attorneyExamYear?: number | null;
  firstPracticeDistrict?: string | null;
  engineerTitle?: "intermediate" | "senior" | null;
  yearsInCityAgency?: number | null;
  agencyDistrict?: string | null;
  /**
   * The brand-agency reward: the registry's brand qualification of the applying agency (never the applicant's own
   * word): its level (municipal / provincial / national) and since when; `found: false` when the registry has no
   * record of the agency at all.
   */
  brandQualification?: { found: boolean; level: string | null; since: string | null } | null;
  overseasCases?: number | null;
}

export interface EligibilityCheck {
  eligible: boolean;
  source: RewardFacts["source"];
  rules: { rule: string; ok: boolean; detail: string }[];
}

const inCity = (code: string | null | undefined, city: string) => !!code && code.startsWith(city);

export function checkRewardEligibility(category: RewardCategory, f: RewardFacts, year: number): EligibilityCheck {
  const rules: EligibilityCheck["rules"] = [];
  const rule = (name: string, ok: boolean, detail: string) => rules.push({ rule: name, ok, detail });
  switch (category) {
    case "attorney_first_practice":
      rule(
        "exam_passed",
        !!f.attorneyExamYear && f.attorneyExamYear <= year,
        `专利代理师资格考试通过年份：${f.attorneyExamYear ?? "无"}`,
      );
      rule(
        "first_practice_in_city",
        inCity(f.firstPracticeDistrict, f.cityCode),
        `首次执业机构所在地：${f.firstPracticeDistrict ?? "无"}`,
      );
      break;
    case "ip_engineer":
      rule(
        "title",
        f.engineerTitle === "intermediate" || f.engineerTitle === "senior",
        `知识产权职称：${f.engineerTitle ?? "无"}`,
      );
      rule(
        "two_years_in_city_agency",
        (f.yearsInCityAgency ?? 0) >= 2,
        `在本市服务机构工作年限：${f.yearsInCityAgency ?? 0}`,
      );
      break;
    case "brand_agency": {
      rule("agency_in_city", inCity(f.agencyDistrict, f.cityCode), `机构所在地：${f.agencyDistrict ?? "无"}`);
      const q = f.brandQualification;
      rule("brand_agency_qualified", !!q?.level, `登记簿品牌机构资质：${q?.level ?? "无"}`);
      break;
    }
    case "overseas_counselling":
      rule("agency_in_city", inCity(f.agencyDistrict, f.cityCode), `机构所在地：${f.agencyDistrict ?? "无"}`);
      rule("overseas_cases", (f.overseasCases ?? 0) >= 1, `海外业务咨询服务案件数：${f.overseasCases ?? 0}`);
      break;
  }
  return { eligible: rules.every((r) => r.ok), source: f.source, rules };
}
