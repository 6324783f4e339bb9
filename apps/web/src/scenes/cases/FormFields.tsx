import { type IpAssetType, isAssetNumber, parsePledgedNumber } from "@zhichan/shared";
import { DatePicker, Form, Input, InputNumber, Select, Switch } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { useCodes } from "../../i18n/useCodes";
import type { FieldSpec } from "./formFields";
import { type FieldRule, rulesFor } from "./formRules";
import { useDistrictOptions } from "./useDistricts";

const FULL = { width: "100%", maxWidth: 360 };
/** Fields that depend on the form's IP type: the numbers (their format as a hint) and the trademark's class. */
const ASSET_AWARE = new Set(["niceClass", "assetNumber", "rightNumber", "assetNumbers"]);
const NUMBER_HINT: Record<string, string> = {
  patent: "patentNumber",
  trademark: "trademarkNumber",
  copyright: "copyrightNumber",
  software_copyright: "softwareCopyrightNumber",
  gi: "giNumber",
  ic_layout: "icLayoutNumber",
};

/**
 * One antd form item per field spec: labels from the catalogue (option names from caseText), the schema's bounds as rules with the
 * catalogue's sentences (formRules.ts), pickers for dates, years and districts. `issues` are problems found outside
 * the rules (a schema check before sending); the server's own field errors are set on the form by the caller.
 */
export function FormFields({ fields, issues = {} }: { fields: FieldSpec[]; issues?: Record<string, string> }) {
  const { t } = useTranslation();
  const { code } = useCodes();
  const districts = useDistrictOptions();
  // the validation catalogue's field names (fields.*) first: the same words the error sentences use
  const label = (k: string) => t(`fields.${k}`, { defaultValue: k });
  const item = (f: FieldSpec, extra?: string, own: FieldRule[] = []) => (
    <Form.Item
      key={f.key}
      name={f.key}
      label={label(f.key)}
      required={f.required}
      rules={[...rulesFor(f, label(f.key), t), ...own]}
      valuePropName={f.kind === "boolean" ? "checked" : "value"}
      extra={extra}
      {...(issues[f.key] ? { validateStatus: "error" as const, help: issues[f.key] } : {})}
    >
      {f.kind === "textarea" ? (
        <Input.TextArea rows={4} data-field={f.key} maxLength={f.maxLength} showCount={!!f.maxLength} />
      ) : f.kind === "number" ? (
        <InputNumber style={FULL} data-field={f.key} min={f.min} max={f.max} precision={f.integer ? 0 : undefined} />
      ) : f.kind === "year" ? (
        <DatePicker
          picker="year"
          data-field={f.key}
          placeholder={t("forms.pickers.year")}
          disabledDate={(d: Dayjs) =>
            (f.min !== undefined && d.year() < f.min) || (f.max !== undefined && d.year() > f.max)
          }
        />
      ) : f.kind === "boolean" ? (
        <Switch data-field={f.key} />
      ) : f.kind === "enum" ? (
        <Select
          style={FULL}
          data-field={f.key}
          options={f.options.map((o) => ({ value: o, label: code("caseOption", o) }))}
        />
      ) : f.kind === "district" ? (
        <Select
          style={FULL}
          data-field={f.key}
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t("forms.pickers.district")}
          options={districts}
        />
      ) : f.kind === "tags" ? (
        <Select mode="tags" style={{ width: "100%" }} data-field={f.key} tokenSeparators={[",", "，", " "]} />
      ) : f.kind === "date" ? (
        <DatePicker data-field={f.key} placeholder={t("forms.pickers.date")} />
      ) : (
        <Input data-field={f.key} maxLength={f.maxLength} />
      )}
    </Form.Item>
  );
  return (
    <>
      {fields.map((f) =>
        ASSET_AWARE.has(f.key) ? (
          // the number's format and the Nice class follow the chosen IP type (shared ip-assets.ts)
          <Form.Item key={f.key} noStyle shouldUpdate>
            {({ getFieldValue, getFieldError }) => {
              const type = (getFieldValue("assetType") ?? getFieldValue("rightType")) as string | undefined;
              // a trademark must give its class (the schema says so); other rights have none
              if (f.key === "niceClass") return type === "trademark" ? item({ ...f, required: true }) : null;
              const hint = type && NUMBER_HINT[type];
              // the format as a hint while the field has no error (the error says the same)
              const quiet = !!issues[f.key] || getFieldError(f.key).length > 0;
              const format: FieldRule = {
                // each number in the chosen type's format, checked as it is typed (the schema checks it again)
                validator: (_rule, value) => {
                  const values = Array.isArray(value) ? value.map(String) : value ? [String(value)] : [];
                  const ok = (v: string) =>
                    f.key === "assetNumbers"
                      ? parsePledgedNumber(type as IpAssetType, v).ok
                      : isAssetNumber(type as IpAssetType, v);
                  return !hint || values.every(ok)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t(`validation.domain.${hint}`)));
                },
              };
              return item(f, hint && !quiet ? t(`validation.domain.${hint}`) : undefined, [format]);
            }}
          </Form.Item>
        ) : (
          item(f)
        ),
      )}
    </>
  );
}

/** Form values as the schema wants them: dates as YYYY-MM-DD, picked years as numbers, empty values dropped. */
export function cleanValues(fields: FieldSpec[], values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (v === undefined || v === null || v === "") continue;
    if (f.kind === "date") out[f.key] = (v as Dayjs).format("YYYY-MM-DD");
    else if (f.kind === "year") out[f.key] = (v as Dayjs).year();
    else out[f.key] = v;
  }
  return out;
}
