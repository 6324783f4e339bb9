import type { ApplicantMerge } from "@zhichan/shared";
import { Button, Empty, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { localTime, useDataLabels } from "./labels";
import { MergeEvidence } from "./MergeEvidence";

/** Recorded merges, each with who went where, the rule in words, the evidence and when. */
export function MergeList({
  merges,
  emptyText,
  initial = 10,
}: {
  merges: ApplicantMerge[];
  emptyText: string;
  /** How many to show before "show all" (an entity can have a hundred). */
  initial?: number;
}) {
  const { t, i18n } = useTranslation();
  const labels = useDataLabels();
  const [all, setAll] = useState(false);
  if (!merges.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  const shown = all ? merges : merges.slice(0, initial);
  return (
    <ul className="dq-merges" data-testid="merge-list">
      {shown.map((m) => (
        <li key={m.id} className="dq-merge">
          <div className="dq-merge-head">
            <span className="dq-merge-names">
              <Link to={`/applicants/${m.absorbedId}`}>{m.absorbedName}</Link> {t("dataQuality.mergedInto")}{" "}
              <Link to={`/applicants/${m.survivorId}`}>{m.survivorName}</Link>
            </span>
            <Tag color={m.rule === "official" ? "purple" : "blue"}>{labels.mergeRule(m.rule)}</Tag>
            <span className="raw-value">{localTime(m.createdAt, i18n.language)}</span>
          </div>
          <MergeEvidence evidence={m.evidence} />
        </li>
      ))}
      {shown.length < merges.length && (
        <li>
          <Button type="link" onClick={() => setAll(true)}>
            {t("dataQuality.showAll", { n: merges.length })}
          </Button>
        </li>
      )}
    </ul>
  );
}
