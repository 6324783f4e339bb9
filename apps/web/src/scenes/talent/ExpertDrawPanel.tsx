import type { ExpertDrawResult, ExpertInfo } from "@zhichan/shared";
import { Alert, Button, Card, Form, Input, InputNumber, List, Space, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { addExpert, drawExperts, getExperts } from "../../api/cases";
import { ApiError } from "../../api/client";
import { useAsync } from "../../components/useAsync";
import { useFormRules } from "../../i18n/formRules";
import { useCodes } from "../../i18n/useCodes";
import { errorText } from "../signin/signin-util";

const split = (s: string | undefined) =>
  (s ?? "")
    .split(/[,，、\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** 专家库与随机抽取 (officials): experts with declared conflicts; draws exclude conflicts and are audited. */
export function ExpertDrawPanel() {
  const { t } = useTranslation();
  const { code } = useCodes();
  const rule = useFormRules();
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
    <Card title={t("services.experts.title")}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <List<ExpertInfo>
        size="small"
        dataSource={experts.data ?? []}
        locale={{ emptyText: t("services.experts.empty") }}
        renderItem={(e) => (
          <List.Item>
            <span data-content>
              {e.name} · {e.orgName ?? "—"} ·{" "}
              {e.fields.map((f) => (
                <Tag key={f}>{f}</Tag>
              ))}
            </span>
            {e.declaredConflicts.length > 0 && (
              <span>{t("services.experts.conflicts", { list: e.declaredConflicts.join(t("common.listSep")) })}</span>
            )}
          </List.Item>
        )}
      />
      <Form layout="inline" onFinish={add} style={{ marginTop: 12 }}>
        <Form.Item name="name" rules={[rule.required(t("services.experts.name"))]}>
          <Input placeholder={t("services.experts.name")} />
        </Form.Item>
        <Form.Item name="orgName">
          <Input placeholder={t("services.experts.organisation")} />
        </Form.Item>
        <Form.Item name="fields" rules={[rule.required(t("fields.fieldsOfExpertise"))]}>
          <Input placeholder={t("services.experts.fields")} />
        </Form.Item>
        <Form.Item name="conflicts">
          <Input placeholder={t("services.experts.declaredConflicts")} />
        </Form.Item>
        <Button htmlType="submit">{t("services.experts.add")}</Button>
      </Form>
      <Form layout="inline" onFinish={draw} initialValues={{ count: 3 }} style={{ marginTop: 16 }}>
        <Form.Item name="count" label={t("services.experts.count")}>
          <InputNumber min={1} max={20} />
        </Form.Item>
        <Form.Item name="field">
          <Input placeholder={t("services.experts.field")} />
        </Form.Item>
        <Form.Item name="caseId">
          <InputNumber placeholder={t("services.experts.caseId")} min={1} />
        </Form.Item>
        <Form.Item name="parties">
          <Input placeholder={t("services.experts.parties")} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t("services.experts.draw")}
        </Button>
      </Form>
      {result && (
        <Space direction="vertical" style={{ marginTop: 12 }}>
          <div>
            {t("services.experts.drawn", {
              names: result.drawn.map((e) => e.name).join(t("common.listSep")) || "—",
              eligible: result.eligible,
              seed: result.seed,
            })}
          </div>
          <div>
            {t("services.experts.excluded", {
              list:
                result.excluded
                  .map((x) =>
                    t("services.experts.excludedOne", {
                      name: byId.get(x.id)?.name ?? x.id,
                      reason: code("drawExclusion", x.reason),
                    }),
                  )
                  .join(t("common.listSep")) || "—",
            })}
          </div>
        </Space>
      )}
    </Card>
  );
}
