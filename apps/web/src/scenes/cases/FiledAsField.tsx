import type { CaseFiledAs } from "@zhichan/shared";
import { Form, Select } from "antd";
import { useShortText, useText } from "../signin/useText";

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
  const tx = useText();
  const short = useShortText();
  const options = [
    ...orgs.map((o) => ({ value: `org:${o.id}`, label: o.name })),
    ...(personal ? [{ value: "person", label: short("以个人名义申请", "As a person") }] : []),
  ];
  return (
    <Form.Item
      name="filedAs"
      label={tx("申请主体", "Filed for")}
      rules={[{ required: true, message: tx("请选择申请主体", "Choose who files this") }]}
      extra={tx("案件归属所选机构，该机构的成员均可查看和办理。", "The case belongs to the chosen organisation.")}
    >
      <Select style={{ maxWidth: 360 }} data-field="filedAs" options={options} />
    </Form.Item>
  );
}
