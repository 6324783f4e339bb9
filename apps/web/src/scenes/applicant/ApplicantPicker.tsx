import { COMPARE_LIMITS } from "@zhichan/shared";
import { Select, Spin } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApplicantSearch } from "./useApplicantSearch";

/** Up to five applicant entities, found by name as one types (the search API's applicant facet of AP="…"). */
export function ApplicantPicker({
  value,
  names,
  onChange,
}: {
  value: number[];
  /** Names of the entities already chosen (from the comparison), so their tags read as names. */
  names: Map<number, string>;
  onChange: (ids: number[]) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const { choices, loading } = useApplicantSearch(text);
  const options = [
    ...value
      .filter((id) => !choices.some((c) => c.id === id))
      .map((id) => ({ value: id, label: names.get(id) ?? `#${id}` })),
    ...choices.map((c) => ({
      value: c.id,
      label: (
        <span className="entity-choice">
          <span>{c.name}</span> <span className="raw-value">{t("compare.patents", { n: c.patents })}</span>
        </span>
      ),
    })),
  ];
  return (
    <Select
      mode="multiple"
      showSearch
      filterOption={false}
      onSearch={setText}
      value={value}
      maxCount={COMPARE_LIMITS.max}
      onChange={(ids: number[]) => {
        setText("");
        onChange(ids);
      }}
      placeholder={t("compare.pickPlaceholder")}
      aria-label={t("compare.pick")}
      notFoundContent={loading ? <Spin size="small" /> : text.trim().length >= 2 ? t("compare.none") : null}
      options={options}
      optionLabelProp="label"
      labelRender={(o) => names.get(Number(o.value)) ?? choices.find((c) => c.id === o.value)?.name ?? o.label}
      data-testid="compare-picker"
      style={{ width: "100%" }}
    />
  );
}
