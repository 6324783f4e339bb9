import { Descriptions, Space, Tag } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useCodes } from "../../i18n/useCodes";

type Checks = Record<string, unknown>;
interface Rule {
  rule: string;
  ok: boolean;
  detail: string;
}
interface Eligibility {
  eligible: boolean;
  source: "registry" | "declared";
  rules: Rule[];
}
interface Routing {
  workstation: { id: number; name: string } | null;
  method: "distance" | "district" | "unrouted";
  km?: number;
  reason?: string;
}

/** The value a rule was judged on: the part of the server's Chinese detail after "：" ("无" when there was none). */
const ruleValue = (detail: string) => detail.split("：").slice(1).join("：").trim();

/**
 * 自动核查: what the case type checked when the case was opened (routing to a workstation, the patent's record and
 * status, the listing enquired about, the reward conditions), as a list in words — never the stored JSON.
 */
export function CaseChecks({ checks }: { checks: Checks }) {
  const { t } = useTranslation();
  const { code, region } = useCodes();
  const verdict = (ok: boolean) => (
    <Tag color={ok ? "green" : "red"}>{t(ok ? "cases.checks.passed" : "cases.checks.failed")}</Tag>
  );
  const status = (s: unknown) =>
    typeof s === "string" ? t(`statuses.${s}`, { defaultValue: s }) : t("common.unknown");

  const factOf = (rule: Rule): string => {
    const v = ruleValue(rule.detail);
    if (!v || v === "无") return t("common.none");
    if (rule.rule === "first_practice_in_city" || rule.rule === "agency_in_city") return region(v);
    if (rule.rule === "title") return code("caseOption", v);
    if (rule.rule === "brand_agency_qualified") return code("brandLevel", v);
    return v;
  };

  const items: { key: string; label: string; children: ReactNode }[] = [];
  for (const [key, value] of Object.entries(checks)) {
    if (key === "routing") {
      const r = value as Routing;
      const how =
        r.method === "distance"
          ? t("cases.checks.routedByDistance", { km: r.km ?? "—" })
          : r.method === "district"
            ? t("cases.checks.routedByDistrict")
            : r.reason === "no workstations registered"
              ? t("cases.checks.unroutedNone")
              : t("cases.checks.unroutedNoDistrict");
      items.push({
        key,
        label: t("cases.checks.routing"),
        children: r.workstation ? (
          <span>
            <span data-content>{r.workstation.name}</span> · {how}
          </span>
        ) : (
          t("cases.checks.unroutedWhy", { why: how })
        ),
      });
    } else if (key === "patentFound") {
      items.push({
        key,
        label: t("cases.checks.patentFound"),
        children: t(value ? "cases.checks.found" : "cases.checks.notFound"),
      });
    } else if (key === "patentStatus") {
      if (value !== null) items.push({ key, label: t("cases.checks.patentStatus"), children: status(value) });
    } else if (key === "listing") {
      const l = value as { ref: string; title: string; owner: string | null };
      items.push({
        key,
        label: t("cases.checks.listing"),
        children: (
          <span data-content>
            {t("cases.checks.listingValue", { ref: l.ref, title: l.title, owner: l.owner ?? "—" })}
          </span>
        ),
      });
    } else if (key === "patents") {
      const list = value as { pubNo: string; found: boolean; status: string | null }[];
      items.push({
        key,
        label: t("cases.checks.patents"),
        children: (
          <ul className="case-check-list">
            {list.map((p) => (
              <li key={p.pubNo}>
                {t("cases.checks.patentLine", {
                  pubNo: p.pubNo,
                  result: p.found ? status(p.status) : t("cases.checks.notFound"),
                })}
              </li>
            ))}
          </ul>
        ),
      });
    } else if (key === "eligibility") {
      const e = value as Eligibility;
      items.push({
        key,
        label: t("cases.checks.eligibility"),
        children: (
          <Space direction="vertical" size={4}>
            <span>
              {verdict(e.eligible)}{" "}
              {t("cases.checks.eligibleSummary", {
                verdict: t(e.eligible ? "cases.checks.eligible" : "cases.checks.notEligible"),
                source: t(e.source === "registry" ? "cases.checks.sourceRegistry" : "cases.checks.sourceDeclared"),
              })}
            </span>
            <ul className="case-check-list" data-testid="eligibility-rules">
              {e.rules.map((r) => (
                <li key={r.rule}>
                  {verdict(r.ok)} {t(`cases.checks.rules.${r.rule}`, { value: factOf(r), defaultValue: r.rule })}
                </li>
              ))}
            </ul>
          </Space>
        ),
      });
    } else {
      // a check this page does not know yet: its name and plain value, still not JSON
      items.push({
        key,
        label: t("cases.checks.other"),
        children: (
          <span
            data-content
          >{`${key}: ${typeof value === "object" ? Object.values(value ?? {}).join(" · ") : String(value)}`}</span>
        ),
      });
    }
  }
  return <Descriptions column={1} size="small" bordered items={items} data-testid="case-checks" />;
}
