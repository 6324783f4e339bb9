import type { MergeSuggestions } from "@zhichan/shared";
import { Alert, App, Button, Empty, Skeleton, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { getMergeSuggestions, keepApplicantsApart, mergeApplicant } from "../../api/dataQuality";
import { useAsync } from "../../components/useAsync";
import { useLocalError } from "../../components/useLocalError";
import { EntityActionModal } from "../applicant/EntityActionModal";
import { ReasonField } from "../applicant/ReasonField";
import { MergeEvidence } from "./MergeEvidence";

type Item = MergeSuggestions["items"][number];
type Decision = { item: Item; kind: "accept" | "reject" };

/**
 * Merge suggestions awaiting an official's decision (issue #14 item 9): each pair with its rules and evidence;
 * "merge" goes through the merge API (the server checks the pair is still suggested and records the evidence),
 * "different companies" records a keep-apart decision. Both ask for a reason and are audited.
 */
export function SuggestionList({ onDecided }: { onDecided: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useLocalError();
  const res = useAsync((s) => getMergeSuggestions(s), []);
  const [decision, setDecision] = useState<Decision | null>(null);
  const d = res.data;
  const decide = async ({ reason }: { reason: string }) => {
    if (!decision) return;
    const { item, kind } = decision;
    if (kind === "accept") await mergeApplicant(item.absorbed.id, { into: item.survivor.id, reason, suggested: true });
    else await keepApplicantsApart(item.absorbed.id, { other: item.survivor.id, reason });
    message.success(t(kind === "accept" ? "mergeSuggestions.accepted" : "mergeSuggestions.rejected"));
    res.reload();
    onDecided();
  };
  if (res.error) return <Alert type="error" showIcon message={errorText(res.error)} />;
  if (!d) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (!d.items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("mergeSuggestions.none")} />;
  const names = decision ? { absorbed: decision.item.absorbed.name, survivor: decision.item.survivor.name } : {};
  return (
    <>
      <p className="raw-value" data-testid="suggestion-total">
        {d.total > d.items.length
          ? t("mergeSuggestions.shownOf", { total: d.total.toLocaleString(), n: d.items.length })
          : t("mergeSuggestions.total", { n: d.total.toLocaleString() })}
      </p>
      <ul className="dq-merges" data-testid="suggestion-list">
        {d.items.map((item) => (
          <li key={`${item.survivor.id}-${item.absorbed.id}`} className="dq-merge" data-testid="suggestion">
            <div className="dq-merge-head">
              <span className="dq-merge-names">
                <Side side={item.absorbed} /> {t("mergeSuggestions.into")} <Side side={item.survivor} />
              </span>
            </div>
            {item.reasons.map((r) => (
              <div key={r.rule} className="dq-suggestion-reason">
                <Tag color="gold">{t(`mergeSuggestions.rules.${r.rule}`)}</Tag>
                <MergeEvidence evidence={r.evidence} />
              </div>
            ))}
            <div className="dq-suggestion-actions">
              <Button
                size="small"
                type="primary"
                data-testid="suggestion-accept"
                onClick={() => setDecision({ item, kind: "accept" })}
              >
                {t("mergeSuggestions.accept")}
              </Button>
              <Button
                size="small"
                data-testid="suggestion-reject"
                onClick={() => setDecision({ item, kind: "reject" })}
              >
                {t("mergeSuggestions.reject")}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <EntityActionModal<{ reason: string }>
        title={t(decision?.kind === "reject" ? "mergeSuggestions.rejectTitle" : "mergeSuggestions.acceptTitle")}
        open={decision !== null}
        onClose={() => setDecision(null)}
        onSubmit={decide}
        testId="suggestion-decision"
      >
        {() => (
          <>
            <p>
              {t(decision?.kind === "reject" ? "mergeSuggestions.rejectText" : "mergeSuggestions.acceptText", names)}
            </p>
            <ReasonField />
          </>
        )}
      </EntityActionModal>
    </>
  );
}

function Side({ side }: { side: Item["survivor"] }) {
  const { t } = useTranslation();
  return (
    <>
      <Link to={`/applicants/${side.id}`}>{side.name}</Link>{" "}
      <span className="raw-value">({t("mergeSuggestions.patents", { n: side.patents })})</span>
    </>
  );
}
