import type { CaseFiledAs } from "@zhichan/shared";
import { Form, Select } from "antd";
import { useTranslation } from "react-i18next";

/** The select's value: "org:<id>" or "person"; turned into the request's filedAs on submit. */
export type FiledAsValue = `org:${number}` | "person";

export const toFiledAs = (v: FiledAsValue): CaseFiledAs =>
  v === "person" ? { kind: "person" } : { kind: "organisation", orgId: Number(v.slice(4)) };

/** Pre-selected only when there is exactly one choice; otherwise the applicant picks (issue #13: no default). */
export function initialFiledAs(orgs: { id: number }[], personal: boolean): FiledAsValue | undefined {
  if (orgs.length === 1 && !personal) return `org:${orgs[0]?.id ?? 0}`;
  if (orgs.length === 0 && personal) return "person";
  return undefined;
}

/** 申请主体: which of the applicant's organisations files the case, or the applicant as a person where allowed. */
export function FiledAsField({ orgs, personal }: { orgs: { id: number; name: string }[]; personal: boolean }) {
  const { t } = useTranslation();
  const options = [
    ...orgs.map((o) => ({ value: `org:${o.id}`, label: o.name })),
    ...(personal ? [{ value: "person", label: t("forms.apply.asPerson") }] : []),
  ];
  return (
    <Form.Item
      name="filedAs"
      label={t("forms.apply.filedAs")}
      rules={[{ required: true, message: t("validation.choose", { field: t("forms.apply.filedAs") }) }]}
      extra={t("forms.apply.filedAsHelp")}
    >
      <Select style={{ width: "100%", maxWidth: 360 }} data-field="filedAs" options={options} />
    </Form.Item>
  );
}
