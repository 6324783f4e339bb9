import type { PlanTargetInput, TargetProgress } from "@zhichan/shared";
import { Alert, Button, Card, Empty, InputNumber, Modal, Result, Space, Tag } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { getPlanDashboard, reportUrl, updateTarget } from "../../api/plan";
import { EChart } from "../../charts/EChart";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useSession } from "../../components/shell/useSession";
import { useAsync } from "../../components/useAsync";
import { useCodes } from "../../i18n/useCodes";
import { errorText } from "../signin/signin-util";
import { useGeoMap } from "../stats/useGeoMap";
import "./officials.css";
import { BaselineCard } from "./BaselineCard";
import { beltNames } from "./beltNames";
import { PledgeRegisterPanel } from "./PledgeRegisterPanel";
import { PublishPlanButton } from "./PublishPlanButton";
import { areaMapOption, yearsOption, zonesBarOption } from "./planCharts";
import { STATUS_COLOR, TargetCards } from "./TargetCards";

/** 规划看板: every target of the plan against figures counted live from the registry, by year and by area. */
export function PlanDashboardPage() {
  const { t } = useTranslation();
  const { code, region, pick } = useCodes();
  const { session, error: sessionError, can } = useSession();
  const allowed = can("dashboard:read");
  const { data, error, loading, reload } = useAsync(allowed ? (s) => getPlanDashboard(undefined, s) : null, [allowed]);
  const [selected, setSelected] = useState<string | null>(null);
  const target = data?.targets.find((x) => x.key === selected) ?? data?.targets[0] ?? null;
  const zz = useGeoMap("zhengzhou_districts");
  const [editing, setEditing] = useState<TargetProgress | null>(null);

  if (sessionError) return <ErrorView error={sessionError} />;
  if (!session) return <PageLoading />;
  if (!allowed)
    return (
      <Result status="403" title={t("plan.closed")} extra={<Link to="/signin?next=/plan">{t("common.signIn")}</Link>} />
    );
  if (error) return <ErrorView error={error} onRetry={reload} />;
  if (!data || loading) return <PageLoading />;

  const canEdit = can("plan:edit") && data.scope === null;
  const filled = data.registryCounts.orgs + data.registryCounts.people;
  const label = (x: TargetProgress) => pick({ zh: x.labelZh, en: x.labelEn });
  const belt = beltNames(data.plan.belt, target?.areas ?? [], { region, zone: (name) => code("zone", name) });
  return (
    <div className="off-page" data-testid="plan-dashboard">
      <div className="off-head">
        <div>
          <h1>{t("plan.title")}</h1>
          <div className="off-sub">
            <span data-content>{data.plan.name}</span> · {t("plan.asOf", { date: data.asOf })}
            {data.scope && (
              <Tag color="purple" style={{ marginLeft: 8 }}>
                {t("plan.scope", { district: region(data.scope) })}
              </Tag>
            )}
          </div>
        </div>
        <Space wrap>
          <Button href={reportUrl("pdf")} data-testid="report-pdf">
            {t("plan.reportPdf")}
          </Button>
          <Button href={reportUrl("xlsx")}>{t("plan.reportXlsx")}</Button>
          <Link to="/registry">{t("plan.openRegistry")}</Link>
          {canEdit && <PublishPlanButton publishedAt={data.publishedAt} onChanged={reload} />}
        </Space>
      </div>
      <Alert
        className="off-notice"
        type={filled === 0 ? "warning" : "info"}
        showIcon
        message={t("plan.liveNotice", data.registryCounts)}
        description={filled === 0 ? t("plan.emptyRegistry") : undefined}
      />
      <TargetCards targets={data.targets} selected={target?.key ?? null} onSelect={setSelected} />
      {target && (
        <div className="plan-detail">
          <Card
            size="small"
            title={t("plan.byDistrict", { target: label(target) })}
            extra={
              <Space>
                <Tag color={STATUS_COLOR[target.status]}>{code("planStatus", target.status)}</Tag>
                {canEdit && (
                  <Button size="small" onClick={() => setEditing(target)}>
                    {t("plan.editTarget")}
                  </Button>
                )}
              </Space>
            }
          >
            {target.areas.length === 0 ? (
              <Empty description={t("plan.noAreas")} />
            ) : zz.geo ? (
              <>
                <EChart
                  option={areaMapOption(target.areas, label(target), zz.mapName, (a) =>
                    a.code ? region(a.code, a.name) : a.name,
                  )}
                  height={400}
                  label={label(target)}
                  testId="plan-map"
                />
                <div className="belt-legend">
                  <i />
                  {t("plan.belt", { districts: belt.join(t("common.listSep")) })}
                </div>
              </>
            ) : (
              <PageLoading />
            )}
          </Card>
          <Card size="small" title={t("plan.zonesTitle")}>
            <p className="off-sub">{t("plan.zonesNote")}</p>
            {target.areas.some((a) => !a.hasPolygon) ? (
              <EChart
                option={zonesBarOption(
                  target.areas
                    .filter((a) => !a.hasPolygon)
                    .map((a) => ({ ...a, name: a.code ? region(a.code, a.name) : code("zone", a.name) })),
                  label(target),
                )}
                height={200}
                label={t("plan.zonesRanked")}
                testId="zones-bar"
              />
            ) : (
              <Empty />
            )}
          </Card>
          <Card
            size="small"
            className="wide"
            title={t("plan.byYear", { from: data.plan.startYear, to: data.plan.endYear })}
          >
            <EChart
              option={yearsOption(target, {
                actual: t("plan.actual"),
                pace: t("plan.pace"),
                target: t("plan.target"),
              })}
              height={240}
              label={label(target)}
              testId="years-chart"
            />
            <p className="off-sub">{t("plan.paceNote")}</p>
          </Card>
          <BaselineCard key={target.id} target={target} canEdit={canEdit} onSaved={reload} />
        </div>
      )}
      <PledgeRegisterPanel canEdit={can("plan:edit")} onChanged={reload} />
      {editing && <EditTarget target={editing} onClose={() => setEditing(null)} onSaved={reload} />}
    </div>
  );
}

function EditTarget({
  target,
  onClose,
  onSaved,
}: {
  target: TargetProgress;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { code, pick } = useCodes();
  const [value, setValue] = useState<number>(target.target);
  const [error, setError] = useState<string | null>(null);
  const input: PlanTargetInput = useMemo(
    () => ({
      key: target.key,
      labelZh: target.labelZh,
      labelEn: target.labelEn,
      unit: target.unit,
      target: value,
      targetYear: target.targetYear,
      metric: target.metric,
      sort: target.sort,
    }),
    [target, value],
  );
  return (
    <Modal
      open
      title={`${t("plan.editTarget")}${t("common.colon")}${pick({ zh: target.labelZh, en: target.labelEn })}`}
      onCancel={onClose}
      onOk={async () => {
        try {
          await updateTarget(target.id, input);
          onSaved();
          onClose();
        } catch (e) {
          setError(errorText(e));
        }
      }}
    >
      <Space direction="vertical">
        <span>{t("plan.targetValue", { unit: code("unit", target.unit), year: target.targetYear })}</span>
        <InputNumber min={0} value={value} onChange={(v) => setValue(Number(v ?? 0))} />
        <span className="off-sub">{t("plan.targetNote")}</span>
        {error && <Alert type="error" message={error} />}
      </Space>
    </Modal>
  );
}
