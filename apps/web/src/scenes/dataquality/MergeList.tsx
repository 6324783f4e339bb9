import type { ApplicantMerge } from "@zhichan/shared";
import { Empty, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { localTime, useDataLabels } from "./labels";
import { MergeEvidence } from "./MergeEvidence";

/** Recorded merges, each with who went where, the rule in words, the evidence and when. */
export function MergeList({ merges, emptyText }: { merges: ApplicantMerge[]; emptyText: string }) {
  const { t, i18n } = useTranslation();
  const labels = useDataLabels();
  if (!merges.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <ul className="dq-merges" data-testid="merge-list">
      {merges.map((m) => (
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
    </ul>
  );
}
