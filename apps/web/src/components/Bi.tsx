import { useTranslation } from "react-i18next";

/**
 * A catalogue label in the UI language only (Chinese government portals do not print English beside Chinese).
 * Kept for pages that still use it; new code calls t() directly.
 */
export function Bi({ k, vars }: { k: string; vars?: Record<string, unknown> }) {
  const { t } = useTranslation();
  return <>{t(k, vars)}</>;
}
