import type { ReportSummary } from "@zhichan/shared";
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
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { getSession } from "../../api/accounts";
import { createReport, listIndustries, listReports, publishReport } from "../../api/analytics";
import { ApiError } from "../../api/client";
import { useAsync } from "../../components/useAsync";
import { FOCUS_REGIONS } from "./regions";

const STATUS: Record<ReportSummary["status"], { color: string; text: string }> = {
  queued: { color: "default", text: "排队中" },
  running: { color: "processing", text: "计算中" },
  done: { color: "success", text: "已完成" },
  failed: { color: "error", text: "失败" },
};

/**
 * 专利导航: ask for a navigation report over a query or an industry database (signed-in users), follow the jobs,
 * open the reports. The list holds published reports and the user's own; officials publish or withdraw them.
 */
export function NavigationPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const industries = useAsync((s) => listIndustries(s), []);
  const [tick, setTick] = useState(0);
  const reports = useAsync((s) => listReports(s), [tick]);
  const [mode, setMode] = useState<"industry" | "query">(params.get("q") ? "query" : "industry");
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const session = useAsync((s) => getSession(s).catch(() => null), []);
  const signedIn = !!session.data?.user;
  const canPublish = !!session.data?.user?.permissions.includes("report:publish");
  const next = encodeURIComponent(`/navigation${params.toString() ? `?${params}` : ""}`);

  const setPublished = async (r: ReportSummary, published: boolean) => {
    try {
      await publishReport(r.id, published);
      setTick((x) => x + 1);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };

  const pending = reports.data?.items.some((r) => r.status === "queued" || r.status === "running");
  useEffect(() => {
    if (!pending) return;
    const t = setTimeout(() => setTick((x) => x + 1), 1000);
    return () => clearTimeout(t);
  }, [pending]);

  const submit = async (v: { q?: string; industryId?: number; focus?: string; title?: string }) => {
    setBusy(true);
    try {
      const r = await createReport({
        ...(mode === "query" ? { q: v.q } : { industryId: v.industryId }),
        focus: v.focus || null,
        title: v.title || undefined,
      });
      message.success(`报告 #${r.id} 已加入队列`);
      navigate(`/navigation/reports/${r.id}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page navigation-page">
      <Typography.Title level={2}>
        专利导航 <small className="bi-en">Patent navigation reports</small>
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        参照 GB/T
        39551-2020《专利导航指南》：先界定数据范围与检索策略（附查全、查准说明），再做趋势、生命周期、技术构成、申请人、
        集中度、合作网络、发明人团队、地区与聚焦地区优势、法律状态、引证与代理机构分析，最后给出结论。每张图附按固定规则生成的解读。
      </Typography.Paragraph>
      <Card title="新建报告 · New report" size="small">
        {!signedIn && !session.loading && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="report-signin"
            message={
              <>
                登录后才能生成报告；报告只有您本人可见，经主管部门发布后对所有人公开。{" "}
                <Link to={`/signin?next=${next}`}>登录 · Sign in</Link>
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
          }}
        >
          <Form.Item label="分析对象">
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)}>
              <Radio.Button value="industry">产业专题库</Radio.Button>
              <Radio.Button value="query">检索式</Radio.Button>
            </Radio.Group>
          </Form.Item>
          {mode === "industry" ? (
            <Form.Item name="industryId" label="产业专题库" rules={[{ required: true, message: "请选择产业" }]}>
              <Select
                showSearch
                optionFilterProp="label"
                loading={industries.loading}
                placeholder="选择战略性新兴产业或自定义专题库"
                options={(industries.data?.items ?? []).map((i) => ({
                  value: i.id,
                  label: `${i.seiCode ?? "自定义"} ${i.name}${i.stats ? `（${i.stats.size} 件）` : ""}`,
                }))}
              />
            </Form.Item>
          ) : (
            <Form.Item
              name="q"
              label="检索式（与检索页相同的检索语言）"
              rules={[{ required: true, message: "请输入检索式" }]}
            >
              <Input.TextArea rows={2} placeholder="例如 TI=(锂电池 OR 钠电池) AND IPC=H01M" />
            </Form.Item>
          )}
          <Space wrap align="start">
            <Form.Item name="focus" label="聚焦地区（与全部数据对比）">
              <Select
                allowClear
                style={{ width: 260 }}
                placeholder="不设聚焦地区"
                options={FOCUS_REGIONS.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))}
              />
            </Form.Item>
            <Form.Item name="title" label="标题（可选）">
              <Input style={{ width: 360 }} maxLength={200} />
            </Form.Item>
          </Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            生成报告
          </Button>
        </Form>
      </Card>
      <Card
        title={signedIn ? "已发布的报告和我的报告 · Published and mine" : "已发布的报告 · Published reports"}
        size="small"
        style={{ marginTop: 16 }}
      >
        <Table<ReportSummary>
          rowKey="id"
          size="small"
          loading={reports.loading && !reports.data}
          dataSource={reports.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: "#", dataIndex: "id", width: 60 },
            {
              title: "标题",
              dataIndex: "title",
              render: (t: string, r) => (
                <>
                  <Link to={`/navigation/reports/${r.id}`}>{t}</Link> {r.mine && <Tag>我的</Tag>}
                </>
              ),
            },
            {
              title: "发布",
              width: 90,
              render: (_, r) =>
                canPublish && (r.mine || r.publishedAt) ? (
                  <Switch
                    size="small"
                    checked={!!r.publishedAt}
                    onChange={(on) => setPublished(r, on)}
                    aria-label={`发布报告 #${r.id}`}
                  />
                ) : r.publishedAt ? (
                  <Tag color="blue">已发布</Tag>
                ) : (
                  <Tag>未发布</Tag>
                ),
            },
            {
              title: "状态",
              width: 220,
              render: (_, r) =>
                r.status === "done" || r.status === "failed" ? (
                  <Tag color={STATUS[r.status].color}>{STATUS[r.status].text}</Tag>
                ) : (
                  <Progress percent={Math.round(r.progress * 100)} size="small" status="active" />
                ),
            },
            {
              title: "数据快照",
              dataIndex: "snapshotAt",
              width: 170,
              render: (v: string | null) => v?.slice(0, 19).replace("T", " ") ?? "—",
            },
            {
              title: "创建",
              dataIndex: "createdAt",
              width: 170,
              render: (v: string) => v.slice(0, 19).replace("T", " "),
            },
          ]}
        />
      </Card>
    </div>
  );
}
