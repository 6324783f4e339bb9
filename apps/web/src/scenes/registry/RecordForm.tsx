import {
  ORG_CATEGORIES,
  ORG_QUALIFICATIONS,
  type Org,
  type OrgInput,
  PERSON_CATEGORIES,
  PERSON_QUALIFICATIONS,
  type Person,
  type PersonInput,
  ZONE_NAMES,
} from "@zhichan/shared";
import { Alert, App, type ButtonProps, DatePicker, Form, Input, Modal, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { saveOrg, savePerson } from "../../api/registry";
import { useCodes } from "../../i18n/useCodes";
import { serverErrors } from "../cases/serverErrors";
import { useDistrictOptions } from "../cases/useDistricts";

type Kind = "orgs" | "people";
/** The credit code's characters (GB 32100: digits and capitals without I, O, Z, S, V), as the server checks it. */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const FIELDS = [
  "name",
  "category",
  "creditCode",
  "certificateNo",
  "districtCode",
  "zone",
  "qualifications",
  "status",
  "brand",
  "period",
  "notes",
];

const toDay = (s: string | null | undefined) => (s ? dayjs(s) : null);
const toText = (d: Dayjs | null | undefined) => (d ? d.format("YYYY-MM-DD") : null);

/**
 * Create or edit one organisation or person of the registry: each field checked as the server checks it, in the UI
 * language; the period picked as a date range (the end left open for a record still in force). A saved record is
 * handed back so the page can open it.
 */
export function RecordForm({
  kind,
  record,
  onClose,
  onSaved,
}: {
  kind: Kind;
  record: Org | Person | null;
  onClose: () => void;
  onSaved: (saved: Org | Person) => void;
}) {
  const { t, code } = useCodes();
  const districts = useDistrictOptions();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = (k: string) => t(`forms.registry.${k}`);
  const required = (k: string, choose = false) => ({
    required: true,
    message: t(choose ? "validation.choose" : "validation.required", { field: label(k) }),
  });
  const max = (k: string, n: number) => ({ max: n, message: t("validation.maxLength", { field: label(k), max: n }) });
  const options = (group: "registry" | "zone" | "brandLevel", values: readonly string[]) =>
    values.map((v) => ({ value: v, label: code(group, v) }));

  const save = async () => {
    let v: Record<string, unknown>;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const { period, ...rest } = v as { period?: [Dayjs | null, Dayjs | null] | null } & Record<string, unknown>;
    const clean = Object.fromEntries(Object.entries(rest).map(([k, x]) => [k, x === "" || x === undefined ? null : x]));
    clean.qualifications ??= [];
    // Fields the form does not show (address, organisation link …) keep their values; the server ignores the rest.
    const body: Record<string, unknown> = {
      ...(record ?? {}),
      ...clean,
      since: toText(period?.[0]),
      ended: toText(period?.[1]),
    };
    setBusy(true);
    setError(null);
    try {
      const saved =
        kind === "orgs"
          ? await saveOrg(body as OrgInput, record?.id)
          : await savePerson(body as PersonInput, record?.id);
      message.success(t("forms.registry.saved", { name: saved.name }));
      onSaved(saved);
      onClose();
    } catch (e) {
      const r = serverErrors(e, FIELDS, (k) => (k === "since" || k === "ended" ? label("period") : label(k)), t);
      form.setFields(r.fields);
      setError(r.message);
    } finally {
      setBusy(false);
    }
  };

  const initial = record
    ? { ...record, period: record.since || record.ended ? [toDay(record.since), toDay(record.ended)] : null }
    : { status: "active", qualifications: [], brand: "none" };
  return (
    <Modal
      open
      width={640}
      title={label(record ? "editTitle" : "newTitle")}
      okText={label("save")}
      cancelText={label("cancel")}
      confirmLoading={busy}
      okButtonProps={{ "data-testid": "record-save" } as ButtonProps}
      onCancel={onClose}
      onOk={save}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial} data-testid="record-form">
        <Form.Item
          name="name"
          label={label("name")}
          rules={[
            { ...required("name"), whitespace: true },
            ...(kind === "orgs"
              ? [{ min: 2, message: t("validation.minLength", { field: label("name"), min: 2 }) }]
              : []),
            max("name", kind === "orgs" ? 200 : 100),
          ]}
        >
          <Input data-field="name" />
        </Form.Item>
        <Form.Item name="category" label={label("category")} rules={[required("category", true)]}>
          <Select
            data-field="category"
            options={options("registry", kind === "orgs" ? ORG_CATEGORIES : PERSON_CATEGORIES)}
          />
        </Form.Item>
        {kind === "orgs" ? (
          <Form.Item
            name="creditCode"
            label={label("creditCode")}
            normalize={(v: string) => v?.toUpperCase().trim()}
            rules={[{ pattern: CREDIT_CODE, message: t("validation.domain.creditCode") }]}
          >
            <Input maxLength={18} data-field="creditCode" />
          </Form.Item>
        ) : (
          <Form.Item name="certificateNo" label={label("certificateNo")} rules={[max("certificateNo", 60)]}>
            <Input data-field="certificateNo" />
          </Form.Item>
        )}
        <Form.Item name="districtCode" label={label("district")}>
          <Select allowClear showSearch optionFilterProp="label" options={districts} data-field="districtCode" />
        </Form.Item>
        <Form.Item name="zone" label={label("zone")}>
          <Select allowClear options={options("zone", ZONE_NAMES)} />
        </Form.Item>
        <Form.Item name="qualifications" label={label("qualifications")}>
          <Select
            mode="multiple"
            options={options("registry", kind === "orgs" ? ORG_QUALIFICATIONS : PERSON_QUALIFICATIONS)}
          />
        </Form.Item>
        <Form.Item name="status" label={label("status")}>
          <Select options={options("registry", ["active", "suspended", "closed", "candidate"])} />
        </Form.Item>
        {kind === "orgs" && (
          <Form.Item name="brand" label={label("brand")}>
            <Select options={options("brandLevel", ["none", "provincial", "national"])} />
          </Form.Item>
        )}
        <Form.Item name="period" label={label("period")} extra={label("periodHelp")}>
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            style={{ width: "100%" }}
            placeholder={[t("forms.pickers.start"), t("forms.pickers.end")]}
            data-field="period"
          />
        </Form.Item>
        <Form.Item name="notes" label={label("notes")} rules={[max("notes", 2000)]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
