import { COMPARE_LIMITS } from "@zhichan/shared";
import { Select, Spin } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ApplicantChoice, findApplicants } from "../../api/dataQuality";

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
  const [choices, setChoices] = useState<ApplicantChoice[]>([]);
  const [loading, setLoading] = useState(false);
  const ctl = useRef<AbortController | null>(null);
  useEffect(() => {
    if (text.trim().length < 2) {
      setChoices([]);
      return;
    }
    const timer = setTimeout(() => {
      ctl.current?.abort();
      const c = new AbortController();
      ctl.current = c;
      setLoading(true);
      findApplicants(text, c.signal)
        .then((list) => !c.signal.aborted && setChoices(list))
        .catch(() => !c.signal.aborted && setChoices([]))
        .finally(() => !c.signal.aborted && setLoading(false));
    }, 300);
    return () => clearTimeout(timer);
  }, [text]);
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
