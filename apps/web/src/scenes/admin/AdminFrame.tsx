import type { SessionResponse } from "@zhichan/shared";
import { Alert, Result, Spin, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router-dom";
import { apiErrorText } from "../../i18n/apiErrors";
import { ADMIN_ROUTES, type AdminPageKey, adminRoutesFor } from "./adminRoutes";
import { type AdminSession, useAdminSession } from "./useAdminSession";
import "./admin.css";

/**
 * One administration page: checks the session (signed in, sign-in finished, the page's permission), then shows the
 * page's title, the other administration pages this session may open, and the page itself.
 */
export function AdminFrame({
  page,
  children,
}: {
  page: AdminPageKey;
  children: (admin: AdminSession & { session: SessionResponse }) => ReactNode;
}) {
  const { t } = useTranslation();
  const loc = useLocation();
  const admin = useAdminSession();
  const route = ADMIN_ROUTES.find((r) => r.key === page)!;
  const { session } = admin;

  let body: ReactNode;
  if (admin.error) body = <Alert type="error" showIcon message={apiErrorText(admin.error, t)} />;
  else if (!session) body = <Spin tip={t("admin.gate.loading")}>{<div style={{ minHeight: 120 }} />}</Spin>;
  else if (session.stage === "anonymous" || !session.user)
    body = (
      <Result
        status="403"
        title={t("admin.gate.signIn")}
        subTitle={t("admin.gate.signInHint")}
        extra={<Link to={`/signin?next=${encodeURIComponent(loc.pathname)}`}>{t("admin.gate.goSignIn")}</Link>}
      />
    );
  else if (session.stage !== "ok")
    body = (
      <Result
        status="warning"
        title={t("admin.gate.finish")}
        subTitle={t("admin.gate.finishHint")}
        extra={<Link to={`/signin?next=${encodeURIComponent(loc.pathname)}`}>{t("admin.gate.goSignIn")}</Link>}
      />
    );
  else if (!admin.can(route.permission))
    body = (
      <Result
        status="403"
        title={t("admin.gate.forbidden")}
        subTitle={t("admin.gate.forbiddenHint", {
          roles: route.roles.map((r) => t(`admin.roles.${r}`)).join(t("admin.common.listSep")),
        })}
      />
    );
  else body = children({ ...admin, session });

  const mine = session?.stage === "ok" ? adminRoutesFor(session.user?.permissions ?? []) : [];
  return (
    <div className="admin-page">
      <Typography.Title level={2} className="admin-title">
        {t(route.labelKey)}
      </Typography.Title>
      {mine.length > 1 && (
        <nav className="admin-tabs" aria-label={t("admin.title")}>
          {mine.map((r) => (
            <Link
              key={r.key}
              to={r.path}
              className={`admin-tab${r.key === page ? " active" : ""}`}
              aria-current={r.key === page ? "page" : undefined}
            >
              {t(r.labelKey)}
            </Link>
          ))}
        </nav>
      )}
      {body}
    </div>
  );
}
