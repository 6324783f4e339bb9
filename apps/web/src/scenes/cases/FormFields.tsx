import { DatePicker, Form, Input, InputNumber, Select, Switch } from "antd";
import { useShortText } from "../signin/useText";
import { FIELD_LABELS, OPTION_LABELS } from "./caseText";
import type { FieldSpec } from "./formFields";

/** One antd form item per field spec; labels and option names from caseText. */
export function FormFields({ fields, issues }: { fields: FieldSpec[]; issues: Record<string, string> }) {
  const short = useShortText();
  const label = (k: string) => (FIELD_LABELS[k] ? short(...FIELD_LABELS[k]) : k);
  return (
    <>
      {fields.map((f) => (
        <Form.Item
          key={f.key}
          name={f.key}
          label={label(f.key)}
          required={f.required}
          valuePropName={f.kind === "boolean" ? "checked" : "value"}
          validateStatus={issues[f.key] ? "error" : undefined}
          help={issues[f.key]}
        >
          {f.kind === "textarea" ? (
            <Input.TextArea rows={4} data-field={f.key} />
          ) : f.kind === "number" ? (
            <InputNumber style={{ width: 240 }} data-field={f.key} />
          ) : f.kind === "boolean" ? (
            <Switch data-field={f.key} />
          ) : f.kind === "enum" ? (
            <Select
              style={{ maxWidth: 360 }}
              data-field={f.key}
              options={f.options.map((o) => ({ value: o, label: OPTION_LABELS[o] ? short(...OPTION_LABELS[o]) : o }))}
            />
          ) : f.kind === "tags" ? (
            <Select mode="tags" data-field={f.key} tokenSeparators={[",", "，", " "]} />
          ) : f.kind === "date" ? (
            <DatePicker data-field={f.key} />
          ) : (
            <Input data-field={f.key} />
          )}
        </Form.Item>
      ))}
    </>
  );
}

/** Form values as the schema wants them: dates as YYYY-MM-DD, empty optional values dropped. */
export function cleanValues(fields: FieldSpec[], values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (v === undefined || v === null || v === "") continue;
    out[f.key] = f.kind === "date" ? (v as { format: (s: string) => string }).format("YYYY-MM-DD") : v;
  }
  return out;
}
