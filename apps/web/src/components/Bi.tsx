import { useTranslation } from "react-i18next";

/** A short label: Chinese first with the English beside it; English only in the English UI. */
export function Bi({ k, vars }: { k: string; vars?: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const main = t(k, vars);
  if (i18n.language === "en") return <>{main}</>;
  const english = i18n.getFixedT("en")(k, vars);
  return (
    <>
      {main}
      <span className="bi-en" lang="en">
        {english}
      </span>
    </>
  );
}
