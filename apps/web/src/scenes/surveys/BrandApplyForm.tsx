import { Button, Form, Input, Select } from "antd";
import { applyBrand } from "../../api/registry";
import { apiErrorText } from "../../i18n/apiErrors";
import { useCodes } from "../../i18n/useCodes";

/** 品牌机构评定申请: a level and a statement of at least 10 characters; cleared once the application is in. */
export function BrandApplyForm({ orgId, onNote }: { orgId: number; onNote: (text: string) => void }) {
  const { t, code } = useCodes();
  const [form] = Form.useForm();
  const level = t("forms.survey.brandLevel");
  const statement = t("forms.survey.brandStatement");
  return (
    <Form
      form={form}
      layout="inline"
      className="brand-apply"
      onFinish={async (v) => {
        try {
          await applyBrand(orgId, v.level, v.statement.trim());
          form.resetFields();
          onNote(t("forms.survey.brandApplied"));
        } catch (e) {
          onNote(apiErrorText(e));
        }
      }}
    >
      {/* the platform grants the municipal level; provincial and national ones are applied for to those offices */}
      <Form.Item
        name="level"
        initialValue="municipal"
        tooltip={t("supervision.brand.onlyMunicipal")}
        rules={[{ required: true, message: t("validation.choose", { field: level }) }]}
      >
        <Select
          style={{ width: 140 }}
          placeholder={level}
          aria-label={level}
          options={[{ value: "municipal", label: code("brandLevel", "municipal") }]}
        />
      </Form.Item>
      <Form.Item
        name="statement"
        rules={[
          { required: true, whitespace: true, message: t("validation.required", { field: statement }) },
          { min: 10, message: t("validation.minLength", { field: statement, min: 10 }) },
        ]}
        className="brand-statement"
      >
        <Input placeholder={t("forms.survey.brandStatementHint")} aria-label={statement} />
      </Form.Item>
      <Button htmlType="submit">{t("forms.survey.brandApply")}</Button>
    </Form>
  );
}
