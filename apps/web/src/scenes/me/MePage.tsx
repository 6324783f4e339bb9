import { App, Button, Card, Result } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { getMyProfile } from "../../api/me";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useSession } from "../../components/shell/useSession";
import { useAsync } from "../../components/useAsync";
import { PasswordChangeForm } from "../signin/PasswordChangeForm";
import { MailCard } from "./MailCard";
import { ProfileCard } from "./ProfileCard";
import { SessionsCard } from "./SessionsCard";
import { TotpCard } from "./TotpCard";
import "./me.css";

/** Roles whose second factor is required (core TOTP_ROLES): the card says so. */
const TOTP_REQUIRED = new Set(["official", "sysadmin", "secadmin", "auditadmin"]);

/** 个人中心: profile, password, two-factor enrolment with a QR code, and one's active sessions. */
export function MePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { session, user } = useSession();
  const profile = useAsync(user ? (signal) => getMyProfile(signal) : null, [user?.id]);

  if (session === undefined) return <PageLoading />;
  if (!user)
    return (
      <Result
        status="info"
        title={t("me.signInFirst")}
        extra={
          <Button type="primary" onClick={() => navigate("/signin?next=/me")}>
            {t("nav.signin")}
          </Button>
        }
      />
    );
  if (profile.error) return <ErrorView error={profile.error} onRetry={profile.reload} />;
  if (!profile.data) return <PageLoading />;

  return (
    <div className="me-page" data-testid="me-page">
      <h1 className="me-title">{t("me.title")}</h1>
      <div className="me-grid">
        <div className="me-column">
          <ProfileCard profile={profile.data} user={user} />
          <Card title={t("me.password.title")} data-testid="me-password">
            <PasswordChangeForm onDone={() => message.success(t("me.password.done"))} />
          </Card>
        </div>
        <div className="me-column">
          <TotpCard
            enabled={profile.data.totpEnabled}
            required={profile.data.roles.some((r) => TOTP_REQUIRED.has(r.role))}
            onEnrolled={profile.reload}
          />
          <MailCard />
        </div>
        <div className="me-wide">
          <SessionsCard />
        </div>
      </div>
    </div>
  );
}
