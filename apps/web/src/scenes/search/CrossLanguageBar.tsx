import type { CrossLanguageWord } from "@zhichan/shared/search-assist.ts";
import { Switch, Tag, Tooltip } from "antd";
import { useId } from "react";
import { useTranslation } from "react-i18next";

/** The opt-in switch 跨语言检索 / Cross-language: English words also search their Chinese dictionary words. */
export function CrossLanguageToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Tooltip title={t("searchAssist.xlHint")}>
      <span className="unit-toggle">
        <Switch id={id} size="small" checked={on} onChange={onChange} data-testid="xl-toggle" />
        <label htmlFor={id}>{t("searchAssist.xlToggle")}</label>
      </span>
    </Tooltip>
  );
}

/**
 * Which words cross-language search added, one chip each: closing a chip removes that word from the search
 * (the list of removed words lives in the URL). Removed words can be brought back all at once.
 */
export function CrossLanguageChips({
  words,
  dropped,
  onDrop,
  onRestore,
}: {
  words: CrossLanguageWord[];
  dropped: string[];
  onDrop: (word: string) => void;
  onRestore: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="xl-chips" data-testid="xl-chips">
      <span className="muted">{words.length > 0 ? t("searchAssist.xlAdded") : t("searchAssist.xlNone")}</span>
      {words.map((w) => (
        <span key={w.word} className="xl-word">
          <span className="xl-source">{w.word} →</span>
          {w.added.map((a) => (
            <Tag key={a} color="blue" className="xl-chip" data-testid="xl-chip" data-word={a}>
              {a}
              <button
                type="button"
                className="xl-chip-remove"
                onClick={() => onDrop(a)}
                aria-label={t("searchAssist.xlRemove", { word: a })}
                data-testid="xl-chip-remove"
              >
                ×
              </button>
            </Tag>
          ))}
        </span>
      ))}
      {dropped.length > 0 && (
        <button type="button" className="link-button" onClick={onRestore} data-testid="xl-restore">
          {t("searchAssist.xlRestore", { n: dropped.length })}
        </button>
      )}
    </div>
  );
}
