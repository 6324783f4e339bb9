import { ORG_QUALIFICATIONS, type Org, PERSON_QUALIFICATIONS, type Person } from "@zhichan/shared";
import { Alert, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { saveOrg, savePerson } from "../../api/registry";
import { errorText } from "../signin/signin-util";
import { useText } from "../signin/useText";
import {
  districtOptions,
  label,
  orgCategoryOptions,
  personCategoryOptions,
  statusOptions,
  zoneOptions,
} from "./labels";

type Kind = "orgs" | "people";

/** Create or edit one organisation or person. */
export function RecordForm({
  kind,
  record,
  onClose,
  onSaved,
}: {
  kind: Kind;
  record: Org | Person | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const tx = useText();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const quals = (kind === "orgs" ? ORG_QUALIFICATIONS : PERSON_QUALIFICATIONS).map((q) => ({
    value: q,
    label: label(q),
  }));
  return (
    <Modal
      open
      width={640}
      title={record ? tx("修改记录", "Edit record") : tx("新增记录", "New record")}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        const clean = Object.fromEntries(
          Object.entries(v).map(([k, x]) => [k, x === "" || x === undefined ? null : x]),
        );
        clean.qualifications ??= [];
        // Fields the form does not show (address, organisation link …) keep their values; the server ignores the rest.
        const body = { ...(record ?? {}), ...clean };
        try {
          if (kind === "orgs") await saveOrg(body, record?.id);
          else await savePerson(body, record?.id);
          onSaved();
          onClose();
        } catch (e) {
          setError(errorText(e));
        }
      }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={record ?? { status: "active", qualifications: [], brand: "none" }}
      >
        <Form.Item name="name" label={tx("名称", "Name")} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="category" label={tx("类别", "Category")} rules={[{ required: true }]}>
          <Select options={kind === "orgs" ? orgCategoryOptions : personCategoryOptions} />
        </Form.Item>
        {kind === "orgs" ? (
          <Form.Item name="creditCode" label={tx("统一社会信用代码", "Credit code")}>
            <Input maxLength={18} />
          </Form.Item>
        ) : (
          <Form.Item name="certificateNo" label={tx("证书编号", "Certificate no.")}>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="districtCode" label={tx("区县", "District")}>
          <Select allowClear options={districtOptions} />
        </Form.Item>
        <Form.Item name="zone" label={tx("功能区", "Zone")}>
          <Select allowClear options={zoneOptions} />
        </Form.Item>
        <Form.Item name="qualifications" label={tx("资质", "Qualifications")}>
          <Select mode="multiple" options={quals} />
        </Form.Item>
        <Form.Item name="status" label={tx("状态", "Status")}>
          <Select options={statusOptions} />
        </Form.Item>
        {kind === "orgs" && (
          <Form.Item name="brand" label={tx("品牌等级", "Brand level")}>
            <Select
              options={[
                { value: "none", label: "无" },
                { value: "provincial", label: "省级" },
                { value: "national", label: "国家级" },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item name="since" label={tx("生效日期 YYYY-MM-DD", "Effective from")}>
          <Input placeholder="2024-01-01" />
        </Form.Item>
        <Form.Item name="ended" label={tx("终止日期", "Ended on")}>
          <Input placeholder="" />
        </Form.Item>
        <Form.Item name="notes" label={tx("备注", "Notes")}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
