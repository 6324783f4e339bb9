import { Collapse } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { getGuide } from "../../api/content";
import { useAsync } from "../../components/useAsync";
import { GuideView } from "./GuideView";

/** The apply form's side note: the service's guide, folded, with a link to its full page. */
export function GuidePanel({ caseType }: { caseType: string }) {
  const { t } = useTranslation();
  const guide = useAsync((s) => getGuide(caseType, s), [caseType]);
  if (!guide.data) return null;
  // the link to the full page sits below the panel, not in its header: a link inside the header's button is a
  // nested control screen readers cannot reach (axe nested-interactive)
  return (
    <div className="guide-panel" data-testid="guide-panel">
      <Collapse
        items={[{ key: "guide", label: t("publicInfo.guide.panel"), children: <GuideView guide={guide.data} /> }]}
      />
      <Link to={`/guides/${caseType}`} className="guide-panel-full">
        {t("publicInfo.guide.openFull")}
      </Link>
    </div>
  );
}
