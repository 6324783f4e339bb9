import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { percent } from "./labels";

/** A publication number as a link to its detail page (the page answers 404 in words if it is not loaded). */
const PubLink = ({ no }: { no: string }) => <Link to={`/patents/${encodeURIComponent(no)}`}>{no}</Link>;

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x.length > 0) : [];

const joined = (parts: ReactNode[], sep: string) =>
  parts.map((p, i) => (
    <Fragment key={i}>
      {i > 0 ? sep : null}
      {p}
    </Fragment>
  ));

/**
 * "CN201510163325.6: CN104751825A / CN104751825B" (same_application evidence; a shared priority or family has the
 * same shape) with both publications linked.
 */
function ApplicationPair({ text }: { text: string }) {
  const at = text.indexOf(": ");
  if (at < 0) return <>{text}</>;
  const pubs = text.slice(at + 2).split(" / ");
  return (
    <>
      {text.slice(0, at)}:{" "}
      {pubs.map((p, i) => (
        <Fragment key={p}>
          {i > 0 ? " / " : null}
          <PubLink no={p.trim()} />
        </Fragment>
      ))}
    </>
  );
}

/** Evidence keys in the order they read best; anything else the server adds is not an official's concern. */
const ORDER = [
  "names",
  "spellings",
  "key",
  "standardName",
  "dominantShare",
  "rows",
  "publications",
  "applications",
  "priorities",
  "families",
  "count",
  "suggestedBy",
  "official",
  "reason",
  "absorbedName",
] as const;

/** The evidence a merge rests on, every item in words; publication numbers link to the patents. */
export function MergeEvidence({ evidence }: { evidence: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const sep = i18n.language === "en" ? "; " : "；";
  const rule = (code: string) => t(`mergeSuggestions.rules.${code}`, { defaultValue: code });
  // The merge suggestions' own keys live in their section (i18n/pages/*/mergeSuggestions.ts).
  const label = (key: string) =>
    i18n.exists(`dataQuality.evidence.${key}`)
      ? t(`dataQuality.evidence.${key}`)
      : t(`mergeSuggestions.evidence.${key}`);
  const rows: { key: string; value: ReactNode }[] = [];
  for (const key of ORDER) {
    const v = evidence[key];
    if (v === undefined || v === null || v === "") continue;
    let value: ReactNode = null;
    if (key === "publications")
      value = joined(
        strings(v).map((p) => <PubLink key={p} no={p} />),
        sep,
      );
    else if (key === "applications" || key === "priorities" || key === "families")
      value = joined(
        strings(v).map((a) => <ApplicationPair key={a} text={a} />),
        sep,
      );
    else if (key === "suggestedBy") value = strings(v).map(rule).join(sep);
    else if (key === "dominantShare" && typeof v === "number") value = percent(v);
    else if (Array.isArray(v)) value = v.map(String).join(key === "rows" ? " / " : sep);
    else if (typeof v === "string" || typeof v === "number") value = String(v);
    if (value === null || (Array.isArray(value) && value.length === 0)) continue;
    rows.push({ key, value });
  }
  if (!rows.length) return null;
  return (
    <dl className="dq-evidence">
      {rows.map((r) => (
        <div key={r.key}>
          <dt>{label(r.key)}</dt>
          <dd>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
