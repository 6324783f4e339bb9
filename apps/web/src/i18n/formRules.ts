import type { FormRule } from "antd";
import { useTranslation } from "react-i18next";

/**
 * antd Form rules that carry their sentence from the catalogue. A rule without a message makes antd word it from
 * the Form.Item's label, or — where an inline form has no label — from the field's name ("请输入'startsOn'"); these
 * say "请填写培训日期" / "Please enter the training date" in the UI's language whatever the layout. `label` is the
 * field's name as the user sees it (already translated).
 */
export function useFormRules() {
  const { t } = useTranslation();
  return {
    /** Must be filled in (`choose`: picked, for selects and date pickers); blanks alone do not count. */
    required: (label: string, choose = false): FormRule => ({
      required: true,
      whitespace: !choose,
      message: t(choose ? "validation.choose" : "validation.required", { field: label }),
    }),
    minLength: (label: string, min: number): FormRule => ({
      min,
      message: t("validation.minLength", { field: label, min }),
    }),
    maxLength: (label: string, max: number): FormRule => ({
      max,
      message: t("validation.maxLength", { field: label, max }),
    }),
  };
}
