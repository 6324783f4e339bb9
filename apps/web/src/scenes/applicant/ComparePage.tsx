import { COMPARE_LIMITS, type CountUnit } from "@zhichan/shared";
import { Alert, Card, Skeleton, Table } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { compareApplicants } from "../../api/matrix";
import { EChart } from "../../charts/EChart";
import { ErrorView } from "../../components/ErrorView";
import { UnitToggle } from "../../components/UnitToggle";
import { useAsync } from "../../components/useAsync";
import { useCodes } from "../../i18n/useCodes";
import { ChartCard } from "../stats/ChartCard";
import { ApplicantPicker } from "./ApplicantPicker";
import { groupedOption, yearsOption } from "./compareCharts";
import "./applicant.css";

type Row = { key: string; metric: string; cells: React.ReactNode[] };

/**
 * /applicants/compare?ids=1,2&unit=… — two to five applicant entities side by side. Counts are in inventions (an
 * application's publications once) unless the toggle asks for publications; the page says which.
 */
export function ComparePage() {
  const { t } = useTranslation();
  const { region } = useCodes();
  const [params, setParams] = useSearchParams();
  const ids = (params.get("ids") ?? "")
    .split(",")
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0)
    .slice(0, COMPARE_LIMITS.max);
  const unit: CountUnit = params.get("unit") === "publication" ? "publication" : "invention";
  const key = ids.join(",");
  const res = useAsync(
    (s) => (ids.length >= COMPARE_LIMITS.min ? compareApplicants(ids, unit, s) : Promise.resolve(null)),
    [key, unit],
  );
  const list = res.data?.applicants ?? [];
  const names = useMemo(() => new Map(list.map((a) => [a.id, a.name])), [list]);
  const set = (next: number[], u: CountUnit = unit) =>
    setParams({ ...(next.length ? { ids: next.join(",") } : {}), ...(u === "publication" ? { unit: u } : {}) });
  const opts = useMemo(
    () => ({
      years: yearsOption(list),
      ipc: groupedOption(
        list,
        (a) => a.ipc,
        (c) => c,
      ),
      status: groupedOption(
        list,
        (a) => a.status,
        (c) => t(`statuses.${c}`, { defaultValue: c }),
      ),
    }),
    [list, t],
  );
  const top = (xs: { code: string; count: number }[], name: (c: string) => string) =>
    xs.length
      ? xs
          .slice(0, 5)
          .map((x) => `${name(x.code)} (${x.count})`)
          .join(t("common.listSep"))
      : "—";
  const rows: Row[] = [
    {
      key: "total",
      metric: t("compare.total"),
      cells: list.map((a) => (
        <Link to={`/search?q=${encodeURIComponent(a.query)}${unit === "invention" ? "&group=invention" : ""}`}>
          {a.total}
        </Link>
      )),
    },
    {
      key: "years",
      metric: t("compare.firstLast"),
      cells: list.map((a) => (a.byYear.length ? `${a.byYear[0].year}–${a.byYear[a.byYear.length - 1].year}` : "—")),
    },
    {
      key: "regions",
      metric: t("compare.regions"),
      cells: list.map((a) => top(a.regions, (c) => region(c, a.regions.find((r) => r.code === c)?.name))),
    },
    {
      key: "inventors",
      metric: t("compare.inventors"),
      cells: list.map((a) => <span data-content>{top(a.inventors, (c) => c)}</span>),
    },
    {
      key: "co",
      metric: t("compare.coApplicants"),
      cells: list.map((a) =>
        a.coApplicants.length ? (
          <span data-content>
            {a.coApplicants.slice(0, 5).map((c, i) => (
              <span key={c.id}>
                {i > 0 && "、"}
                <Link to={`/applicants/${c.id}`}>{c.name}</Link> ({c.count})
              </span>
            ))}
          </span>
        ) : (
          "—"
        ),
      ),
    },
    {
      key: "cites",
      metric: t("compare.citations"),
      cells: list.map((a) =>
        a.citations.covered ? t("compare.citationsValue", a.citations) : t("compare.noCitations"),
      ),
    },
  ];
  return (
    <div className="page compare-page">
      <h1 className="page-title">{t("compare.title")}</h1>
      <p className="muted">{t("compare.intro")}</p>
      <Card size="small" className="compare-pick">
        <ApplicantPicker value={ids} names={names} onChange={(next) => set(next)} />
        <div className="compare-unit">
          <UnitToggle unit={unit} onChange={(u) => set(ids, u)} />
        </div>
      </Card>
      {ids.length < COMPARE_LIMITS.min ? (
        <Alert type="info" showIcon message={t("compare.needTwo")} style={{ marginTop: 12 }} />
      ) : res.error ? (
        <ErrorView error={res.error} onRetry={res.reload} />
      ) : !res.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <p className="muted" data-testid="compare-basis">
            {t(`compare.basis.${unit}`)}
          </p>
          <Table
            size="small"
            pagination={false}
            // columns of a fixed width whose text wraps: five applicants scroll sideways on a phone, not one long line
            scroll={{ x: 110 + 240 * list.length }}
            data-testid="compare-table"
            dataSource={rows}
            columns={[
              { title: t("compare.metric"), dataIndex: "metric", fixed: "left", width: 110 },
              ...list.map((a, i) => ({
                title: (
                  <Link to={`/applicants/${a.id}`} data-content>
                    {a.name}
                  </Link>
                ),
                key: String(a.id),
                width: 240,
                render: (_: unknown, r: Row) => r.cells[i],
              })),
            ]}
          />
          <div className="stats-grid compare-charts">
            <ChartCard title={t("compare.byYear")} className="span-2">
              <EChart option={opts.years} height={300} label={t("compare.byYear")} testId="compare-years" />
            </ChartCard>
            <ChartCard title={t("compare.ipc")} className="span-2">
              <EChart option={opts.ipc} height={300} label={t("compare.ipc")} />
            </ChartCard>
            <ChartCard title={t("compare.status")} className="span-2">
              <EChart option={opts.status} height={280} label={t("compare.status")} />
            </ChartCard>
          </div>
        </>
      )}
    </div>
  );
}
