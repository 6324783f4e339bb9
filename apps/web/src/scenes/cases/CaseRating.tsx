import type { CaseDetail, CaseRatingStatusView } from "@zhichan/shared";
import { Card } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { caseRatingStatus } from "../../api/serviceDesk";
import { RateBox } from "../servicedesk/RateBox";

/**
 * 好差评 of a closed case, for its applicant only (the server answers nobody else). Asked again when the case's
 * state changes, so the box appears as soon as the applicant withdraws it or the office closes it.
 */
export function CaseRating({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<CaseRatingStatusView | null>(null);
  const applicant = c.parties.includes("applicant");
  useEffect(() => {
    if (!applicant) return;
    const ctl = new AbortController();
    caseRatingStatus(c.id, ctl.signal)
      .then(setStatus)
      .catch(() => setStatus(null)); // no box rather than an error: rating is optional
    return () => ctl.abort();
  }, [c.id, c.state, applicant]);
  if (!status?.closed) return null;
  return (
    <Card title={t("serviceDesk.rating.caseTitle")} style={{ marginTop: 16 }} data-testid="case-rating">
      <RateBox subject="case" id={c.id} given={status.rating} />
    </Card>
  );
}
