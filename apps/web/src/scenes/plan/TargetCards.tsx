import type { TargetProgress } from "@zhichan/shared";
import { Progress, Tag } from "antd";
import { useShortText } from "../signin/useText";

export const STATUS: Record<TargetProgress["status"], { zh: string; en: string; color: string }> = {
  met: { zh: "已完成", en: "met", color: "green" },
  on_track: { zh: "进度正常", en: "on track", color: "blue" },
  behind: { zh: "滞后", en: "behind", color: "orange" },
  unavailable: { zh: "暂无数据", en: "not available", color: "default" },
};

const num = (v: number) =>
  Number.isInteger(v) ? v.toLocaleString("zh-CN") : v.toLocaleString("zh-CN", { maximumFractionDigits: 2 });

/** The plain sentence under a figure: what the number means when it is zero or missing. */
export function figureNote(t: TargetProgress, tx: (zh: string, en: string) => string): string | null {
  if (t.actual === null) return tx("暂无数据：质押融资业务尚未在平台登记", "not yet available");
  if (t.actual === 0 && t.metric.subject !== "pledge_amount")
    return tx(`0 / ${num(t.target)} — 登记簿尚未填报`, `0 of ${num(t.target)} — registry not yet filled`);
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
  const tx = useShortText();
  return (
    <div className="target-grid" data-testid="target-cards">
      {targets.map((t) => {
        const note = figureNote(t, tx);
        const pct = t.ratio === null ? 0 : Math.min(100, Math.round(t.ratio * 1000) / 10);
        const s = STATUS[t.status];
        return (
          <button
            type="button"
            key={t.key}
            className={`target-card${selected === t.key ? " selected" : ""}`}
            onClick={() => onSelect(t.key)}
            aria-pressed={selected === t.key}
            data-target={t.key}
          >
            <span className="tc-label">
              {t.labelZh}
              <span className="tc-en">{t.labelEn}</span>
            </span>
            <p className="tc-figure">
              {t.actual === null ? "—" : num(t.actual)}{" "}
              <small>
                / {num(t.target)} {t.unit}（{t.targetYear}）
              </small>
            </p>
            <Progress percent={pct} size="small" showInfo status={t.status === "met" ? "success" : "normal"} />
            <Tag color={s.color}>{tx(s.zh, s.en)}</Tag>
            <div className={`tc-note${note ? "" : " ok"}`}>{note ?? (t.note ? t.note.split(" · ")[0] : "")}</div>
          </button>
        );
      })}
    </div>
  );
}
