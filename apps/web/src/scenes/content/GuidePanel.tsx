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
  return (
    <Collapse
      className="guide-panel"
      data-testid="guide-panel"
      items={[
        {
          key: "guide",
          label: t("publicInfo.guide.panel"),
          extra: (
            <Link to={`/guides/${caseType}`} onClick={(e) => e.stopPropagation()}>
              {t("publicInfo.guide.openFull")}
            </Link>
          ),
          children: <GuideView guide={guide.data} />,
        },
      ]}
    />
  );
}
