import { Select, Spin } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApplicantSearch } from "./useApplicantSearch";

/** Finds applicant entities by name as the official types (debounced), excluding the entity being merged. */
export function MergeTargetSelect({
  exclude,
  value,
  onChange,
}: {
  exclude: number;
  value?: number;
  onChange?: (id: number) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const { choices, loading } = useApplicantSearch(text, exclude);
  return (
    <Select
      showSearch
      filterOption={false}
      onSearch={setText}
      value={value}
      onChange={onChange}
      placeholder={t("entityAdmin.targetSearch")}
      notFoundContent={loading ? <Spin size="small" /> : text.trim().length >= 2 ? t("entityAdmin.targetNone") : null}
      options={choices.map((c) => ({
        value: c.id,
        label: (
          <span className="entity-choice">
            <span>{c.name}</span> <span className="raw-value">{t("entityAdmin.targetPatents", { n: c.patents })}</span>
          </span>
        ),
      }))}
      data-field="target"
      style={{ width: "100%" }}
    />
  );
}
