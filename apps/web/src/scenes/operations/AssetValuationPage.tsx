import { AssetValuationQuery, type AssetValuationReport, DECLARED_ASSET_TYPES } from "@zhichan/shared";
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { getAssetValuation } from "../../api/cases";
import { useSession } from "../../components/shell/useSession";
import { apiErrorText } from "../../i18n/apiErrors";
import { useCodes } from "../../i18n/useCodes";
import { issueField, issueText } from "../../i18n/validation";
import { AssetTypeChoice } from "./AssetTypeChoice";
import { assetExplanation, assetInput, assetNote } from "./assetValuationText";
import { ValuationResult } from "./ValuationResult";
import { loadPastValuations, type PastValuation, rememberValuation } from "./valuationHistory";

type DeclaredType = (typeof DECLARED_ASSET_TYPES)[number];
const PURPOSES = ["financing", "transfer", "licensing"] as const;
const STATUSES = ["registered", "pending", "lapsed"] as const;
const JUDGEMENTS = ["marketSize", "industrialisation", "substitutability", "recognition"] as const;
/** Judgement → the indicator the report names it by (services.valuation.indicators.*). */
const INDICATOR: Record<(typeof JUDGEMENTS)[number], string> = {
  marketSize: "market_size",
  industrialisation: "industrialisation",
  substitutability: "substitutability",
  recognition: "recognition",
};
/** An example number per type, the formats of shared ip-assets.ts. */
const EXAMPLE: Record<DeclaredType, string> = {
  trademark: "41173195",
  copyright: "国作登字-2021-F-00012345",
  software_copyright: "2021SR0123456",
  gi: "AGI02656",
  ic_layout: "BS.215012345",
};

interface Values {
  number?: string;
  niceClass?: number | null;
  status: (typeof STATUSES)[number];
  since?: Dayjs | null;
  purpose: (typeof PURPOSES)[number];
  marketSize?: number | null;
  industrialisation?: number | null;
  substitutability?: number | null;
  recognition?: number | null;
}

/**
 * 其他知识产权价值评估: a trademark, copyright, software copyright, GI or IC layout valued from what its owner
 * declares (GET /api/valuations/assets), the result explained line by line, and this user's earlier runs.
 */
export function AssetValuationPage() {
  const { t } = useTranslation();
  const { code } = useCodes();
  const { user } = useSession();
  const userId = user?.id ?? null;
  const [params] = useSearchParams();
  const type = (DECLARED_ASSET_TYPES as readonly string[]).includes(params.get("type") ?? "")
    ? (params.get("type") as DeclaredType)
    : "trademark";
  const [form] = Form.useForm<Values>();
  const [report, setReport] = useState<AssetValuationReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [past, setPast] = useState<PastValuation[] | null>(null);
  const a = (k: string) => t(`services.assetValuation.${k}`);
  const history = past ?? loadPastValuations(userId);

  const labels: Record<string, string> = {
    number: a("number"),
    niceClass: a("niceClass"),
    status: a("status"),
    since: type === "gi" ? "" : a(`since.${type}`),
    purpose: a("purpose"),
    ...Object.fromEntries(JUDGEMENTS.map((j) => [j, t(`services.valuation.indicators.${INDICATOR[j]}`)])),
  };

  const run = async (query: Record<string, string>) => {
    setError(null);
    setReport(null);
    // errors set by hand stay until cleared: last run's go before this run's are shown
    form.setFields(Object.keys(labels).map((name) => ({ name: name as keyof Values, errors: [] })));
    const parsed = AssetValuationQuery.safeParse(query);
    if (!parsed.success) {
      // each problem beside its field, in the UI language; the server would refuse the same inputs with a 400
      const first = new Map<string, string>();
      for (const i of parsed.error.issues)
        if (!first.has(issueField(i))) first.set(issueField(i), issueText(i, t, labels[issueField(i)]));
      form.setFields([...first].map(([name, text]) => ({ name: name as keyof Values, errors: [text] })));
      return;
    }
    setBusy(true);
    try {
      const r = await getAssetValuation(query);
      setReport(r);
      setPast(rememberValuation(userId, { at: Date.now(), query, score: r.score, grade: r.grade }));
    } catch (e) {
      setError(apiErrorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const submit = (v: Values) => run(toQuery(type, v));

  const reopen = (e: PastValuation) => {
    const q = e.query;
    form.setFieldsValue({
      number: q.number,
      niceClass: q.niceClass ? Number(q.niceClass) : null,
      status: q.status as Values["status"],
      since: q.since ? dayjs(q.since) : null,
      purpose: q.purpose as Values["purpose"],
      ...Object.fromEntries(JUDGEMENTS.map((j) => [j, q[j] === undefined ? null : Number(q[j])])),
    });
    void run(q);
  };

  return (
    <Card title={a("title")}>
      <Typography.Paragraph type="secondary">{a("intro")}</Typography.Paragraph>
      <AssetTypeChoice current={type} />
      <Form<Values>
        key={type}
        form={form}
        layout="vertical"
        initialValues={{ status: "registered", purpose: "financing" }}
        onFinish={submit}
        onValuesChange={(changed) => {
          setError(null);
          form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof Values, errors: [] })));
        }}
        data-testid="asset-valuation-form"
      >
        <Space wrap align="start">
          <Form.Item name="number" label={labels.number} required>
            <Input style={{ width: 260, maxWidth: "100%" }} placeholder={EXAMPLE[type]} />
          </Form.Item>
          {type === "trademark" && (
            <Form.Item name="niceClass" label={labels.niceClass} required>
              <InputNumber min={1} max={45} precision={0} style={{ width: 140 }} />
            </Form.Item>
          )}
          <Form.Item name="status" label={labels.status}>
            <Select
              style={{ width: 230, maxWidth: "100%" }}
              options={STATUSES.map((s) => ({ value: s, label: a(`statuses.${s}`) }))}
            />
          </Form.Item>
          {type !== "gi" && (
            <Form.Item name="since" label={labels.since} extra={a("sinceHelp")}>
              <DatePicker style={{ width: 200 }} disabledDate={(d) => d.isAfter(dayjs())} />
            </Form.Item>
          )}
          <Form.Item name="purpose" label={labels.purpose}>
            <Select
              style={{ width: 160 }}
              options={PURPOSES.map((p) => ({ value: p, label: code("valuationPurpose", p) }))}
            />
          </Form.Item>
        </Space>
        <Typography.Paragraph strong style={{ marginBottom: 0 }}>
          {a("judgements")}
        </Typography.Paragraph>
        <Space wrap align="start" style={{ marginTop: 8 }}>
          {JUDGEMENTS.map((j) => (
            <Form.Item key={j} name={j} label={labels[j]} extra={a(`judgementHelp.${j}`)} style={{ width: 220 }}>
              <InputNumber min={0} max={100} style={{ width: 120 }} />
            </Form.Item>
          ))}
        </Space>
        <div>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="asset-valuation-submit">
            {a("assess")}
          </Button>
        </div>
      </Form>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} />}
      {report && (
        <section style={{ marginTop: 24 }} data-testid="asset-valuation-result">
          <Typography.Title level={5}>
            {t("services.assetValuation.resultTitle", {
              type: code("caseOption", report.asset.type),
              number: report.asset.number,
            })}
            {report.asset.niceClass !== null &&
              ` · ${t("services.assetValuation.resultClass", { n: report.asset.niceClass })}`}
          </Typography.Title>
          <ValuationResult
            v={report}
            wording={{
              input: (l) => assetInput(l, t),
              explanation: (l) => assetExplanation(l, report.asset.type, t),
              note: (n) => assetNote(n, t),
            }}
          />
        </section>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {a("history")}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{a("historyHelp")}</Typography.Paragraph>
      <Table<PastValuation>
        size="small"
        rowKey={(e) => JSON.stringify(e.query)}
        pagination={false}
        scroll={{ x: 560 }}
        dataSource={history}
        locale={{ emptyText: a("historyEmpty") }}
        data-testid="asset-valuation-history"
        columns={[
          { title: a("historyAt"), key: "at", render: (_: unknown, e) => dayjs(e.at).format("YYYY-MM-DD HH:mm") },
          {
            title: a("historyAsset"),
            key: "asset",
            render: (_: unknown, e) =>
              `${code("caseOption", e.query.type)} ${e.query.number}` +
              (e.query.niceClass ? ` · ${t("services.assetValuation.resultClass", { n: e.query.niceClass })}` : ""),
          },
          {
            title: a("historyPurpose"),
            key: "purpose",
            render: (_: unknown, e) => code("valuationPurpose", e.query.purpose),
          },
          {
            title: a("historyScore"),
            key: "score",
            render: (_: unknown, e) => `${e.score} ${t("services.valuation.scoreSuffix", { grade: e.grade })}`,
          },
          {
            title: "",
            key: "open",
            render: (_: unknown, e) => (
              <Button size="small" onClick={() => reopen(e)}>
                {a("historyOpen")}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** The form as the API's query: strings only, empty fields left out (the schema's defaults then apply). */
function toQuery(type: DeclaredType, v: Values): Record<string, string> {
  const q: Record<string, string> = { type, number: (v.number ?? "").trim(), status: v.status, purpose: v.purpose };
  if (type === "trademark" && v.niceClass !== null && v.niceClass !== undefined) q.niceClass = String(v.niceClass);
  if (type !== "gi" && v.since) q.since = v.since.format("YYYY-MM-DD");
  for (const j of JUDGEMENTS) {
    const x = v[j];
    if (x !== null && x !== undefined) q[j] = String(x);
  }
  return q;
}
