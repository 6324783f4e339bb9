import type { CountUnit, ReportSummary } from "@zhichan/shared";
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Progress,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { createReport, listIndustries, listReports, publishReport } from "../../api/analytics";
import { useSession } from "../../components/shell/useSession";
import { useAsync } from "../../components/useAsync";
import { apiErrorText } from "../../i18n/apiErrors";
import { useCodes } from "../../i18n/useCodes";
import { FOCUS_REGIONS } from "./regions";

const STATUS_COLOR: Record<ReportSummary["status"], string> = {
  queued: "default",
  running: "processing",
  done: "success",
  failed: "error",
};
const time = (v: string) => v.slice(0, 19).replace("T", " ");

/**
 * 专利导航: ask for a navigation report over a query or an industry database (signed-in users), follow the jobs,
 * open the reports. The list holds published reports and the user's own; officials publish or withdraw them.
 */
export function NavigationPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const { code, region } = useCodes();
  const { message } = App.useApp();
  const industries = useAsync((s) => listIndustries(s), []);
  const [tick, setTick] = useState(0);
  const reports = useAsync((s) => listReports(s), [tick]);
  const [mode, setMode] = useState<"industry" | "query">(params.get("q") ? "query" : "industry");
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const { session, user, can } = useSession();
  const signedIn = !!user;
  const canPublish = can("report:publish");
  const next = encodeURIComponent(`/navigation${params.toString() ? `?${params}` : ""}`);

  const setPublished = async (r: ReportSummary, published: boolean) => {
    try {
      await publishReport(r.id, published);
      setTick((x) => x + 1);
    } catch (e) {
      message.error(apiErrorText(e));
    }
  };

  const pending = reports.data?.items.some((r) => r.status === "queued" || r.status === "running");
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setTick((x) => x + 1), 1000);
    return () => clearTimeout(timer);
  }, [pending]);

  const submit = async (v: { q?: string; industryId?: number; focus?: string; title?: string; unit?: CountUnit }) => {
    setBusy(true);
    try {
      const r = await createReport({
        ...(mode === "query" ? { q: v.q } : { industryId: v.industryId }),
        focus: v.focus || null,
        title: v.title || undefined,
        unit: v.unit,
      });
      message.success(t("navigation.queued", { id: r.id }));
      navigate(`/navigation/reports/${r.id}`);
    } catch (e) {
      message.error(apiErrorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page navigation-page">
      <Typography.Title level={2}>{t("navigation.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("navigation.intro")}</Typography.Paragraph>
      <Card title={t("navigation.newReport")} size="small">
        {!signedIn && session !== undefined && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="report-signin"
            message={
              <>
                {t("navigation.signInFirst")} <Link to={`/signin?next=${next}`}>{t("common.signIn")}</Link>
              </>
            }
          />
        )}
        <Form
          disabled={!signedIn}
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            q: params.get("q") ?? "",
            industryId: params.get("industry") ? Number(params.get("industry")) : undefined,
            focus: "4101",
            unit: "invention",
          }}
        >
          <Form.Item label={t("navigation.target")}>
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)}>
              <Radio.Button value="industry">{t("navigation.byIndustry")}</Radio.Button>
              <Radio.Button value="query">{t("navigation.byQuery")}</Radio.Button>
            </Radio.Group>
          </Form.Item>
          {mode === "industry" ? (
            <Form.Item
              name="industryId"
              label={t("navigation.industry")}
              rules={[{ required: true, message: t("navigation.chooseIndustry") }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                loading={industries.loading}
                placeholder={t("navigation.industryPlaceholder")}
                options={(industries.data?.items ?? []).map((i) => ({
                  value: i.id,
                  label: t("navigation.industryOption", {
                    code: i.seiCode ?? t("navigation.custom"),
                    name: i.name,
                    n: i.stats?.size ?? "—",
                  }),
                }))}
              />
            </Form.Item>
          ) : (
            <Form.Item
              name="q"
              label={t("navigation.query")}
              rules={[{ required: true, message: t("validation.domain.queryEmpty") }]}
            >
              <Input.TextArea rows={2} placeholder={t("navigation.queryPlaceholder")} />
            </Form.Item>
          )}
          <Space wrap align="start">
            <Form.Item name="focus" label={t("navigation.focus")}>
              <Select
                allowClear
                style={{ width: 260, maxWidth: "100%" }}
                placeholder={t("navigation.noFocus")}
                options={FOCUS_REGIONS.map((c) => ({ value: c, label: region(c) }))}
              />
            </Form.Item>
            <Form.Item name="title" label={t("navigation.titleOptional")}>
              <Input style={{ width: 360, maxWidth: "100%" }} maxLength={200} />
            </Form.Item>
          </Space>
          <Form.Item name="unit" label={t("grouping.reportUnit")}>
            <Select
              style={{ width: 340, maxWidth: "100%" }}
              data-testid="report-unit-select"
              options={(["invention", "publication"] as const).map((u) => ({
                value: u,
                label: t(`grouping.reportUnits.${u}`),
              }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t("navigation.generate")}
          </Button>
        </Form>
      </Card>
      <Card
        title={signedIn ? t("navigation.listMine") : t("navigation.listPublished")}
        size="small"
        style={{ marginTop: 16 }}
      >
        <Table<ReportSummary>
          scroll={{ x: "max-content" }}
          rowKey="id"
          size="small"
          loading={reports.loading && !reports.data}
          dataSource={reports.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: "#", dataIndex: "id", width: 60 },
            {
              title: t("navigation.col.title"),
              dataIndex: "title",
              render: (title: string, r) => (
                <>
                  <Link to={`/navigation/reports/${r.id}`}>{title}</Link> {r.mine && <Tag>{t("navigation.mine")}</Tag>}
                </>
              ),
            },
            {
              title: t("navigation.col.unit"),
              width: 110,
              // Reports made before the unit existed counted publications.
              render: (_, r) => t(`navigation.units.${r.params.unit ?? "publication"}`),
            },
            {
              title: t("navigation.col.publish"),
              width: 90,
              render: (_, r) =>
                canPublish && (r.mine || r.publishedAt) ? (
                  <Switch
                    size="small"
                    checked={!!r.publishedAt}
                    onChange={(on) => setPublished(r, on)}
                    aria-label={t("navigation.publishReport", { id: r.id })}
                  />
                ) : r.publishedAt ? (
                  <Tag color="blue">{t("navigation.published")}</Tag>
                ) : (
                  <Tag>{t("navigation.unpublished")}</Tag>
                ),
            },
            {
              title: t("navigation.col.status"),
              width: 220,
              render: (_, r) =>
                r.status === "done" || r.status === "failed" ? (
                  <Tag color={STATUS_COLOR[r.status]}>{code("reportStatus", r.status)}</Tag>
                ) : (
                  <Progress percent={Math.round(r.progress * 100)} size="small" status="active" />
                ),
            },
            {
              title: t("navigation.col.snapshot"),
              dataIndex: "snapshotAt",
              width: 170,
              render: (v: string | null) => (v ? time(v) : "—"),
            },
            {
              title: t("navigation.col.created"),
              dataIndex: "createdAt",
              width: 170,
              render: time,
            },
          ]}
        />
      </Card>
    </div>
  );
}
