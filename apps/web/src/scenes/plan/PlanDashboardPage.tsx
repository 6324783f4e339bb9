import type { PlanTargetInput, SessionResponse, TargetProgress } from "@zhichan/shared";
import { Alert, Button, Card, Empty, InputNumber, Modal, Result, Space, Tag } from "antd";
import { useEffect, useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { getSession } from "../../api/accounts";
import { getPlanDashboard, reportUrl, updateTarget } from "../../api/plan";
import { EChart } from "../../charts/EChart";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import { districtName } from "../registry/labels";
import { errorText } from "../signin/signin-util";
import { useShortText, useText } from "../signin/useText";
import { useGeoMap } from "../stats/useGeoMap";
import "./officials.css";
import { areaMapOption, yearsOption, zonesBarOption } from "./planCharts";
import { STATUS, TargetCards } from "./TargetCards";

/** 规划看板: every target of the plan against figures counted live from the registry, by year and by area. */
export function PlanDashboardPage() {
  const tx = useText();
  const short = useShortText();
  const [session, setSession] = useState<SessionResponse | null>(null);
  const [sessionError, setSessionError] = useState<unknown>(null);
  useEffect(() => {
    getSession().then(setSession, setSessionError);
  }, []);
  const perms = session?.user?.permissions ?? [];
  const allowed = session?.stage === "ok" && perms.includes("dashboard:read");
  const { data, error, loading, reload } = useAsync(allowed ? (s) => getPlanDashboard(undefined, s) : null, [allowed]);
  const [selected, setSelected] = useState<string | null>(null);
  const target = data?.targets.find((t) => t.key === selected) ?? data?.targets[0] ?? null;
  const zz = useGeoMap("zhengzhou_districts");
  const [editing, setEditing] = useState<TargetProgress | null>(null);

  if (sessionError) return <ErrorView error={sessionError} />;
  if (!session) return <PageLoading />;
  if (!allowed)
    return (
      <Result
        status="403"
        title={tx("规划看板仅对管理人员开放", "The plan dashboard is for officials")}
        extra={<Link to="/signin?next=/plan">{tx("登录", "Sign in")}</Link>}
      />
    );
  if (error) return <ErrorView error={error} onRetry={reload} />;
  if (!data || loading) return <PageLoading />;

  const canEdit = perms.includes("plan:edit") && data.scope === null;
  const filled = data.registryCounts.orgs + data.registryCounts.people;
  return (
    <div className="off-page" data-testid="plan-dashboard">
      <div className="off-head">
        <div>
          <h1>{tx("规划看板", "Plan dashboard")}</h1>
          <div className="off-sub">
            {data.plan.name} · {tx("统计日期", "as of")} {data.asOf}
            {data.scope && (
              <Tag color="purple" style={{ marginLeft: 8 }}>
                {tx(`辖区 ${districtName(data.scope)} ${data.scope}`, `district ${data.scope}`)}
              </Tag>
            )}
          </div>
        </div>
        <Space wrap>
          <Button href={reportUrl("pdf")} data-testid="report-pdf">
            {tx("年度报告 PDF", "Yearly report PDF")}
          </Button>
          <Button href={reportUrl("xlsx")}>{tx("年度报告 Excel", "Yearly report XLSX")}</Button>
          <Link to="/registry">{tx("去登记簿", "Open the registry")}</Link>
        </Space>
      </div>
      <Alert
        className="off-notice"
        type={filled === 0 ? "warning" : "info"}
        showIcon
        message={tx(
          `实际值由登记簿与业务数据实时计算，从不手工填写。登记簿现有机构 ${data.registryCounts.orgs} 家、人员 ${data.registryCounts.people} 人；另有 ${data.registryCounts.candidates} 家源自专利数据的待核实候选（不计入）。`,
          `Actual values are counted live from the registry and cases, never typed in. Registry: ${data.registryCounts.orgs} organisations, ${data.registryCounts.people} people; ${data.registryCounts.candidates} unconfirmed candidates derived from patent data (not counted).`,
        )}
        description={
          filled === 0
            ? tx(
                "登记簿尚未填报，因此多数指标显示为 0——这是真实情况，不是故障。请通过登记簿录入或 Excel 导入。",
                "The registry is not yet filled, so most figures are 0 — that is the real state, not a fault.",
              )
            : undefined
        }
      />
      <TargetCards targets={data.targets} selected={target?.key ?? null} onSelect={setSelected} />
      {target && (
        <div className="plan-detail">
          <Card
            size="small"
            title={`${target.labelZh} · ${short("各区县", "by district")}`}
            extra={
              <Space>
                <Tag color={STATUS[target.status].color}>
                  {short(STATUS[target.status].zh, STATUS[target.status].en)}
                </Tag>
                {canEdit && (
                  <Button size="small" onClick={() => setEditing(target)}>
                    {tx("修改目标", "Edit target")}
                  </Button>
                )}
              </Space>
            }
          >
            {target.areas.length === 0 ? (
              <Empty description={tx("该指标暂无分区数据", "No figures by area for this target")} />
            ) : zz.geo ? (
              <>
                <EChart
                  option={areaMapOption(target.areas, target.labelZh)}
                  height={400}
                  label={target.labelZh}
                  testId="plan-map"
                />
                <div className="belt-legend">
                  <i />
                  {tx(`服务带（L 形）：${data.plan.belt.join("、")}`, `Service belt: ${data.plan.belt.join(", ")}`)}
                </div>
              </>
            ) : (
              <PageLoading />
            )}
          </Card>
          <Card size="small" title={tx("无边界的功能区（排名）", "Zones without a polygon (ranked)")}>
            <p className="off-sub">
              {tx(
                "郑东新区、高新区、经开区、航空港区为功能区，地图上没有边界；★ 为服务带成员。郑东新区无区划代码，按登记簿的“功能区”字段计数。",
                "Functional zones have no polygon on the map; ★ marks the service belt. 郑东新区 has no division code and is counted by the registry's zone field.",
              )}
            </p>
            {target.areas.some((a) => !a.hasPolygon) ? (
              <EChart
                option={zonesBarOption(
                  target.areas.filter((a) => !a.hasPolygon),
                  target.labelZh,
                )}
                height={200}
                label={tx("功能区排名", "Zones ranked")}
                testId="zones-bar"
              />
            ) : (
              <Empty />
            )}
          </Card>
          <Card
            size="small"
            className="wide"
            title={tx(`${data.plan.startYear}–${data.plan.endYear} 年度进度`, "Progress by year")}
          >
            <EChart
              option={yearsOption(target, {
                actual: short("年末实际", "actual"),
                pace: short("按期进度", "pace"),
                target: short("目标", "target"),
              })}
              height={240}
              label={target.labelZh}
              testId="years-chart"
            />
            <p className="off-sub">
              {tx(
                "“按期进度”为目标在规划期内平均分摊到各年的参考线；当年实际取今天的数值。",
                "Pace spreads the target evenly over the plan years; the running year shows today's value.",
              )}
            </p>
          </Card>
        </div>
      )}
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
  const tx = useText();
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
      title={`${tx("修改目标", "Edit target")}：${target.labelZh}`}
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
        <span>
          {tx("目标值", "Target")}（{target.unit}，{target.targetYear}）
        </span>
        <InputNumber min={0} value={value} onChange={(v) => setValue(Number(v ?? 0))} />
        <span className="off-sub">
          {tx(
            "目标是数据：修改会记入审计日志；实际值仍由登记簿计算。",
            "Targets are data; the change is audited. Actual values stay computed.",
          )}
        </span>
        {error && <Alert type="error" message={error} />}
      </Space>
    </Modal>
  );
}
