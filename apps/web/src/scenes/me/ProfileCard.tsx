import type { SessionUser, UserSummary } from "@zhichan/shared";
import { Card, Descriptions, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { getDistricts } from "../../api/me";
import { useRoleText } from "../../components/shell/useRoleText";
import { useAsync } from "../../components/useAsync";

/** Name, username, roles in words (an official's district by name), organisations, masked phone, dates. */
export function ProfileCard({ profile, user }: { profile: UserSummary; user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const roleText = useRoleText();
  const scoped = profile.roles.some((r) => r.district);
  const districts = useAsync(scoped ? (signal) => getDistricts(signal) : null, [scoped]);
  const districtName = (code: string) => {
    const d = districts.data?.districts.find((x) => x.code === code);
    return d ? (i18n.language === "en" ? d.nameEn : d.name) : "…";
  };
  const when = (iso: string | null) => (iso ? dayjs(iso).format("YYYY-MM-DD HH:mm") : "—");

  return (
    <Card title={t("me.profile.title")} data-testid="me-profile">
      <Descriptions column={1} size="small" labelStyle={{ width: 112 }}>
        <Descriptions.Item label={t("me.profile.displayName")}>{profile.displayName}</Descriptions.Item>
        <Descriptions.Item label={t("me.profile.username")}>{profile.username}</Descriptions.Item>
        <Descriptions.Item label={t("me.profile.roles")}>
          <Space wrap size={4} data-testid="me-roles">
            {profile.roles.map((r) => (
              <Tag key={`${r.role}-${r.district ?? ""}`} color="blue">
                {roleText.role(r.role)}
                {r.role === "official" && ` · ${r.district ? districtName(r.district) : t("me.profile.cityWide")}`}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t("me.profile.orgs")}>
          <Space direction="vertical" size={2}>
            {user.orgs.length === 0 && <Typography.Text type="secondary">{t("me.profile.noOrgs")}</Typography.Text>}
            {user.orgs.map((o) => (
              <span key={o.orgId}>
                {o.name}{" "}
                <Typography.Text type="secondary">
                  ({t(o.orgRole === "owner" ? "me.profile.owner" : "me.profile.member")})
                </Typography.Text>
              </span>
            ))}
            {user.permissions.includes("org:members") && <Link to="/orgs">{t("me.profile.manageOrgs")}</Link>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t("me.profile.phone")}>{profile.phone ?? t("me.profile.notGiven")}</Descriptions.Item>
        <Descriptions.Item label={t("me.profile.createdAt")}>{when(profile.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t("me.profile.lastSignIn")}>{when(profile.lastSignInAt)}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
