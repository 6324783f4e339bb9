import { IP_ASSET_TYPES, type IpAssetType, type PledgeRegistrationInput } from "@zhichan/shared";
import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { registerPledge } from "../../api/plan";
import { apiErrorText } from "../../i18n/apiErrors";
import { useCodes } from "../../i18n/useCodes";
import { useDistrictOptions } from "../cases/useDistricts";

interface Values {
  registrationNo: string;
  registeredOn: Dayjs;
  pledgor: string;
  pledgee: string;
  assetType: IpAssetType;
  patents: string;
  amountWan: number | null;
  districtCode?: string;
}

/** 登记质押: one registration made outside the platform's cases (the server checks it again and scopes it). */
export function PledgeForm({ onClose, onSaved }: { onClose: () => void; onSaved: (no: string) => void }) {
  const { t } = useTranslation();
  const { code } = useCodes();
  const districts = useDistrictOptions();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = (k: string) => t(`planBaseline.pledges.${k}`);
  const required = (k: string) => ({
    required: true,
    whitespace: true,
    message: t("validation.required", { field: label(k) }),
  });
  const submit = async (v: Values) => {
    const input: PledgeRegistrationInput = {
      registrationNo: v.registrationNo.trim(),
      registeredOn: v.registeredOn.format("YYYY-MM-DD"),
      pledgor: v.pledgor.trim(),
      pledgee: v.pledgee.trim(),
      assetType: v.assetType,
      patents: v.patents.split(/[\s;；,，、]+/).filter(Boolean),
      amountYuan: v.amountWan === null || v.amountWan === undefined ? null : Math.round(v.amountWan * 10_000),
      districtCode: v.districtCode ?? null,
    };
    setBusy(true);
    try {
      await registerPledge(input);
      onSaved(input.registrationNo);
      onClose();
    } catch (e) {
      setError(apiErrorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={label("register")}
      okText={label("register")}
      okButtonProps={{ loading: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={error} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ assetType: "patent" }}>
        <Form.Item name="registrationNo" label={label("registrationNo")} rules={[required("registrationNo")]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="registeredOn"
          label={label("registeredOn")}
          rules={[{ required: true, message: t("validation.choose", { field: label("registeredOn") }) }]}
        >
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), "day")} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="pledgor" label={label("pledgor")} rules={[required("pledgor")]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="pledgee" label={label("pledgee")} rules={[required("pledgee")]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="assetType" label={t("fields.assetType")}>
          <Select options={IP_ASSET_TYPES.map((k) => ({ value: k, label: code("caseOption", k) }))} />
        </Form.Item>
        <Form.Item
          name="patents"
          label={t("fields.assetNumbers")}
          extra={label("patentsHint")}
          rules={[required("patents")]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="amountWan" label={label("amount")}>
          <InputNumber min={0.01} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="districtCode" label={label("district")} extra={label("districtHint")}>
          <Select allowClear options={districts} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
