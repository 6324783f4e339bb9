import { Select, Spin } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type ApplicantChoice, findApplicants } from "../../api/dataQuality";

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
        .then((list) => !c.signal.aborted && setChoices(list.filter((x) => x.id !== exclude)))
        .catch(() => !c.signal.aborted && setChoices([]))
        .finally(() => !c.signal.aborted && setLoading(false));
    }, 300);
    return () => clearTimeout(timer);
  }, [text, exclude]);
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
