import type { TargetProgress } from "@zhichan/shared";
import { Alert, Button, Card, DatePicker, InputNumber, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { setBaseline } from "../../api/plan";
import { apiErrorText } from "../../i18n/apiErrors";
import { useCodes } from "../../i18n/useCodes";

/**
 * 基数与数据来源: where the target's pace starts (recorded by the office, counted from the registry before the plan,
 * or read from the survey of the year before), where a survey-figure target reads its values, and — for a city-wide
 * official — the form that records or clears the baseline.
 */
export function BaselineCard({
  target,
  canEdit,
  onSaved,
}: {
  target: TargetProgress;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { code } = useCodes();
  const b = target.paceBaseline;
  const [value, setValue] = useState<number | null>(b.source === "recorded" ? b.value : null);
  const [date, setDate] = useState<Dayjs | null>(b.source === "recorded" ? dayjs(b.date) : null);
  const [note, setNote] = useState<{ type: "success" | "error"; text: string } | null>(null);
  const unit = code("unit", target.unit);
  const yearly = target.metric.subject === "pledge_amount";
  const save = async (next: { value: number; date: string } | null) => {
    try {
      await setBaseline(target.id, next);
      setNote({ type: "success", text: t(next ? "planBaseline.saved" : "planBaseline.cleared") });
      onSaved();
    } catch (e) {
      setNote({ type: "error", text: apiErrorText(e) });
    }
  };
  return (
    <Card size="small" title={t("planBaseline.title")} data-testid="baseline-card">
      <p>
        {b.source === "none"
          ? t("planBaseline.none")
          : t(`planBaseline.${b.source}`, { value: b.value.toLocaleString(), unit: ` ${unit}`, date: b.date })}
      </p>
      {target.metric.subject === "survey_figure" && (
        <p className="off-sub">
          {target.surveySource ? (
            <>
              {t("planBaseline.surveySource", { n: target.surveySource.respondents })}
              <span data-content>{target.surveySource.title}</span>
            </>
          ) : (
            t("planBaseline.noSurvey")
          )}
        </p>
      )}
      <p className="off-sub">{t(yearly ? "planBaseline.yearlyNote" : "planBaseline.paceNote")}</p>
      {canEdit && (
        <Space wrap align="end">
          <InputNumber
            min={0}
            value={value}
            onChange={(v) => setValue(v === null ? null : Number(v))}
            aria-label={t("planBaseline.value")}
            placeholder={t("planBaseline.value")}
            addonAfter={unit}
            style={{ width: 200 }}
          />
          <DatePicker
            value={date}
            onChange={setDate}
            aria-label={t("planBaseline.date")}
            placeholder={t("planBaseline.date")}
            disabledDate={(d) => d.isAfter(dayjs(), "day")}
          />
          <Button
            type="primary"
            disabled={value === null || !date}
            onClick={() => value !== null && date && save({ value, date: date.format("YYYY-MM-DD") })}
          >
            {t("planBaseline.save")}
          </Button>
          {b.source === "recorded" && <Button onClick={() => save(null)}>{t("planBaseline.clear")}</Button>}
        </Space>
      )}
      {note && <Alert style={{ marginTop: 8 }} type={note.type} showIcon message={note.text} />}
    </Card>
  );
}
