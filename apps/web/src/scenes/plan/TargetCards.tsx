import type { TargetProgress } from "@zhichan/shared";
import { Progress, Tag } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useCodes } from "../../i18n/useCodes";

export const STATUS_COLOR: Record<TargetProgress["status"], string> = {
  met: "green",
  on_track: "blue",
  behind: "orange",
  unavailable: "default",
};

/** Figures in the UI language's digit grouping (1,500 in both). */
const num = (v: number, lang: string) =>
  v.toLocaleString(lang === "en" ? "en-US" : "zh-CN", { maximumFractionDigits: 2 });

/** The plain sentence under a figure: what the number means when it is zero or missing (never the server's pair). */
export function figureNote(target: TargetProgress, t: TFunction, lang: string): string | null {
  const year = target.years.filter((y) => y.actual !== null).at(-1)?.year ?? new Date().getFullYear();
  if (target.metric.subject === "pledge_amount") {
    if (target.actual === null) return t("plan.pledgeNotRecorded");
    return target.actual === 0 ? t("plan.pledgeNone", { year }) : t("plan.pledgeYear", { year });
  }
  if (target.actual === 0) return t("plan.registryEmpty", { target: num(target.target, lang) });
  return null;
}

/** One card per target: live actual against the target, progress, status; click to see it by area and year. */
export function TargetCards({
  targets,
  selected,
  onSelect,
}: {
  targets: TargetProgress[];
  selected: string | null;
  onSelect: (key: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { code, pick } = useCodes();
  return (
    <div className="target-grid" data-testid="target-cards">
      {targets.map((target) => {
        const note = figureNote(target, t, i18n.language);
        const pct = target.ratio === null ? 0 : Math.min(100, Math.round(target.ratio * 1000) / 10);
        return (
          <button
            type="button"
            key={target.key}
            className={`target-card${selected === target.key ? " selected" : ""}`}
            onClick={() => onSelect(target.key)}
            aria-pressed={selected === target.key}
            data-target={target.key}
          >
            <span className="tc-label">{pick({ zh: target.labelZh, en: target.labelEn })}</span>
            <p className="tc-figure">
              {target.actual === null ? "—" : num(target.actual, i18n.language)}{" "}
              <small>
                {t("plan.figure", {
                  target: num(target.target, i18n.language),
                  unit: code("unit", target.unit),
                  year: target.targetYear,
                })}
              </small>
            </p>
            <Progress
              percent={pct}
              size="small"
              showInfo
              status={target.status === "met" ? "success" : "normal"}
              aria-label={pick({ zh: target.labelZh, en: target.labelEn })}
            />
            <Tag color={STATUS_COLOR[target.status]}>{code("planStatus", target.status)}</Tag>
            <div className={`tc-note${note ? "" : " ok"}`}>{note ?? ""}</div>
          </button>
        );
      })}
    </div>
  );
}
