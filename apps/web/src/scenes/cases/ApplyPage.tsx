import { Card, Result, Spin, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { getCaseTypes, getMyOrgs } from "../../api/cases";
import { useSession } from "../../components/shell/useSession";
import { useAsync } from "../../components/useAsync";
import { useCodes } from "../../i18n/useCodes";
import { GuidePanel } from "../content/GuidePanel";
import { ApplyForm } from "./ApplyForm";
import "./apply.css";

/** 在线申请: who may apply, then the form of one case type (ApplyForm). */
export function ApplyPage() {
  const { type = "" } = useParams();
  const { t } = useTranslation();
  const { pick } = useCodes();
  const types = useAsync(() => getCaseTypes(), []);
  const { session, user } = useSession();
  const orgs = useAsync((signal) => getMyOrgs(signal), []);

  if ((types.loading && !types.data) || !session || !orgs.data) return <Spin />;
  const info = types.data?.find((x) => x.key === type);
  if (!info) return <Result status="404" title={t("forms.apply.noType")} />;
  if (!user)
    return (
      <Result
        status="403"
        title={t("forms.apply.signIn")}
        extra={<Link to={`/signin?next=/cases/new/${type}`}>{t("forms.apply.signInLink")}</Link>}
      />
    );
  if (!user.permissions.includes("case:apply")) return <Result status="403" title={t("common.notPermitted")} />;

  return (
    <Card className="apply-card" title={pick(info.label)} data-testid="apply-form">
      <Typography.Paragraph type="secondary">
        {t("forms.apply.intro")} <Link to="/cases/mine">{t("forms.apply.myCases")}</Link>
      </Typography.Paragraph>
      {/* 办事指南 while applying: materials and conditions one click away (scenes/content) */}
      <GuidePanel caseType={type} />
      {/* a new form per type and person: drafts and values never cross from one to another */}
      <ApplyForm key={`${user.id}-${type}`} info={info} orgs={orgs.data} user={user} />
    </Card>
  );
}
