import type { ExpertDrawResult, ExpertInfo } from "@zhichan/shared";
import { Alert, Button, Card, Form, Input, InputNumber, List, Space, Tag } from "antd";
import { useState } from "react";
import { addExpert, drawExperts, getExperts } from "../../api/cases";
import { ApiError } from "../../api/client";
import { useAsync } from "../../components/useAsync";
import { errorText } from "../signin/signin-util";
import { useText } from "../signin/useText";

const split = (s: string | undefined) =>
  (s ?? "")
    .split(/[,，、\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** 专家库与随机抽取 (officials): experts with declared conflicts; draws exclude conflicts and are audited. */
export function ExpertDrawPanel() {
  const tx = useText();
  const [tick, setTick] = useState(0);
  const experts = useAsync(() => getExperts(), [tick]);
  const [result, setResult] = useState<ExpertDrawResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (experts.error instanceof ApiError) return null; // not an official: the panel is not shown
  const byId = new Map((experts.data ?? []).map((e) => [e.id, e]));
  const add = async (v: { name: string; orgName?: string; fields?: string; conflicts?: string }) => {
    try {
      await addExpert({
        name: v.name,
        orgName: v.orgName || undefined,
        fields: split(v.fields),
        declaredConflicts: split(v.conflicts),
      });
      setTick((t) => t + 1);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const draw = async (v: { count: number; field?: string; caseId?: number; parties?: string }) => {
    try {
      setResult(
        await drawExperts({
          count: v.count,
          field: v.field || undefined,
          caseId: v.caseId || undefined,
          partyOrgs: split(v.parties),
        }),
      );
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Card title={tx("专家库与随机抽取", "Expert database and random draw")}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <List<ExpertInfo>
        size="small"
        dataSource={experts.data ?? []}
        locale={{ emptyText: tx("专家库为空", "No experts yet") }}
        renderItem={(e) => (
          <List.Item>
            {e.name} · {e.orgName ?? "—"} ·{" "}
            {e.fields.map((f) => (
              <Tag key={f}>{f}</Tag>
            ))}
            {e.declaredConflicts.length > 0 && (
              <span>
                {tx("申报回避", "declared conflicts")}: {e.declaredConflicts.join("、")}
              </span>
            )}
          </List.Item>
        )}
      />
      <Form layout="inline" onFinish={add} style={{ marginTop: 12 }}>
        <Form.Item name="name" rules={[{ required: true }]}>
          <Input placeholder={tx("姓名", "Name")} />
        </Form.Item>
        <Form.Item name="orgName">
          <Input placeholder={tx("工作单位", "Organisation")} />
        </Form.Item>
        <Form.Item name="fields" rules={[{ required: true }]}>
          <Input placeholder={tx("专业领域（逗号分隔）", "Fields")} />
        </Form.Item>
        <Form.Item name="conflicts">
          <Input placeholder={tx("申报回避单位", "Declared conflicts")} />
        </Form.Item>
        <Button htmlType="submit">{tx("添加专家", "Add expert")}</Button>
      </Form>
      <Form layout="inline" onFinish={draw} initialValues={{ count: 3 }} style={{ marginTop: 16 }}>
        <Form.Item name="count" label={tx("人数", "Count")}>
          <InputNumber min={1} max={20} />
        </Form.Item>
        <Form.Item name="field">
          <Input placeholder={tx("专业领域", "Field")} />
        </Form.Item>
        <Form.Item name="caseId">
          <InputNumber placeholder={tx("案件ID", "Case id")} min={1} />
        </Form.Item>
        <Form.Item name="parties">
          <Input placeholder={tx("当事方单位", "Party organisations")} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {tx("随机抽取", "Draw")}
        </Button>
      </Form>
      {result && (
        <Space direction="vertical" style={{ marginTop: 12 }}>
          <div>
            {tx("抽取结果", "Drawn")}: {result.drawn.map((e) => e.name).join("、") || "—"}（{tx("可选", "eligible")}{" "}
            {result.eligible}，seed {result.seed}）
          </div>
          <div>
            {tx("回避", "Excluded")}:{" "}
            {result.excluded.map((x) => `${byId.get(x.id)?.name ?? x.id}（${x.reason}）`).join("、") || "—"}
          </div>
        </Space>
      )}
    </Card>
  );
}
