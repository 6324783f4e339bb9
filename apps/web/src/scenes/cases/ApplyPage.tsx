import type { CaseTypeInfo } from "@zhichan/shared";
import { Alert, Button, Card, Form, Input, Result, Spin, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { getCaseTypes, getMyOrgs, openCase } from "../../api/cases";
import { useAsync } from "../../components/useAsync";
import { errorText } from "../signin/signin-util";
import { useShortText, useText } from "../signin/useText";
import { FiledAsField, type FiledAsValue, initialFiledAs, toFiledAs } from "./FiledAsField";
import { cleanValues, FormFields } from "./FormFields";
import { formFields, validateForm } from "./formFields";

/** 在线申请: the form of one case type, checked with the same schema the server uses. */
export function ApplyPage() {
  const { type = "" } = useParams();
  const tx = useText();
  const short = useShortText();
  const navigate = useNavigate();
  const types = useAsync(() => getCaseTypes(), []);
  const orgs = useAsync((signal) => getMyOrgs(signal), []);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const info: CaseTypeInfo | undefined = types.data?.find((t) => t.key === type);
  const fields = formFields(type);
  // Fields may be prefilled from the address (e.g. the marketplace's enquiry link passes listingId).
  const [params] = useSearchParams();
  const prefill = Object.fromEntries(
    fields
      .filter((f) => params.has(f.key))
      .map((f) => [f.key, f.kind === "number" ? Number(params.get(f.key)) : params.get(f.key)]),
  );

  if ((types.loading && !types.data) || !orgs.data) return <Spin />;
  if (!info) return <Result status="404" title={tx("没有这种业务", "No such service")} />;
  const myOrgs = orgs.data;
  const noFiler = myOrgs.length === 0 && !info.personalApplicant;

  const submit = async (v: Record<string, unknown>) => {
    const { title, filedAs, ...rest } = v;
    const form = cleanValues(fields, rest);
    const checked = validateForm("form", type, form);
    if (!checked.ok) return setIssues(checked.issues);
    setIssues({});
    setBusy(true);
    setError(null);
    try {
      const c = await openCase({
        type,
        title: String(title ?? ""),
        filedAs: toFiledAs(filedAs as FiledAsValue),
        form: checked.data,
      });
      navigate(`/cases/${c.id}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={short(info.label.zh, info.label.en)} data-testid="apply-form">
      <Typography.Paragraph type="secondary">
        {tx("提交后可在“我的申请”中查看办理进度。", "After submitting, follow the case under My cases.")}{" "}
        <Link to="/cases/mine">{tx("我的申请", "My cases")}</Link>
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      {noFiler && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={tx(
            "该业务须以机构名义申请：请先接受机构的成员邀请或注册机构。",
            "This service is filed for an organisation: accept an invitation or register one first.",
          )}
        />
      )}
      <Form
        layout="vertical"
        onFinish={submit}
        style={{ maxWidth: 720 }}
        initialValues={{
          title: short(info.label.zh, info.label.en),
          filedAs: initialFiledAs(myOrgs, info.personalApplicant),
          ...prefill,
        }}
      >
        <Form.Item name="title" label={tx("申请事项名称", "Title")} rules={[{ required: true, max: 120 }]}>
          <Input data-field="title" />
        </Form.Item>
        <FiledAsField orgs={myOrgs} personal={info.personalApplicant} />
        <FormFields fields={fields} issues={issues} />
        <Button type="primary" htmlType="submit" loading={busy} disabled={noFiler} data-testid="submit-case">
          {tx("提交申请", "Submit")}
        </Button>
      </Form>
    </Card>
  );
}
