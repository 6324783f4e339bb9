import type { UserDetail } from "@zhichan/shared";
import { Alert, Button, Card, Form, Input, List, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { findPeople } from "../../../api/admin";
import { useAsync } from "../../../components/useAsync";
import { apiErrorText } from "../../../i18n/apiErrors";
import { AdminFrame } from "../AdminFrame";
import { durationWords } from "../adminText";
import { RoleTags } from "../RoleTags";
import type { AdminSession } from "../useAdminSession";
import { useDistricts } from "../useDistricts";
import { type Revealed, RevealModal } from "./RevealModal";

/**
 * 个人信息查询: an official finds people of their district (masked) and reveals one person's phone and ID number
 * with a stated reason — each reveal is audited and limited.
 */
export function PeoplePage() {
  return <AdminFrame page="people">{(admin) => <PeopleView admin={admin} />}</AdminFrame>;
}

function PeopleView({ admin }: { admin: AdminSession }) {
  const { t } = useTranslation();
  const districts = useDistricts();
  const [q, setQ] = useState("");
  const [target, setTarget] = useState<UserDetail | null>(null);
  const [shown, setShown] = useState<Record<number, Revealed>>({});
  const people = useAsync(q.length >= 2 ? (signal) => findPeople(q, signal) : null, [q]);
  const scope = districts.name(admin.session?.user?.district ?? null);

  const line = (label: string, masked: string | null, plain: string | null | undefined) => (
    <li>
      <span className="admin-line-label">
        {label}
        {t("admin.common.colon")}
      </span>
      {plain ? (
        <strong>{plain}</strong>
      ) : plain === undefined && masked ? (
        masked
      ) : (
        <span className="admin-muted">{t("admin.people.notGiven")}</span>
      )}
    </li>
  );

  return (
    <>
      <Typography.Paragraph className="admin-intro">{t("admin.people.intro")}</Typography.Paragraph>
      <Card className="admin-card" size="small">
        <Form layout="vertical" className="admin-filters" onFinish={(v: { q?: string }) => setQ(v.q?.trim() ?? "")}>
          <Form.Item
            name="q"
            label={t("admin.people.q")}
            className="admin-filter-wide"
            rules={[{ min: 2, whitespace: true, message: t("admin.people.qTooShort") }]}
          >
            <Input allowClear maxLength={64} placeholder={t("admin.people.qPlaceholder")} />
          </Form.Item>
          <Form.Item className="admin-filter-buttons">
            <Button type="primary" htmlType="submit">
              {t("admin.common.search")}
            </Button>
          </Form.Item>
        </Form>
        <div className="admin-muted" style={{ marginTop: 8 }}>
          {t("admin.people.scope", { scope })}
        </div>
      </Card>
      {people.data && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t("admin.people.limit", {
            max: people.data.revealLimit.max,
            window: durationWords(people.data.revealLimit.windowMinutes, t),
          })}
        />
      )}
      {people.error ? (
        <Alert type="error" showIcon message={apiErrorText(people.error, t)} />
      ) : (
        q.length >= 2 && (
          <List
            loading={people.loading}
            dataSource={people.data?.users ?? []}
            locale={{ emptyText: t("admin.people.empty") }}
            renderItem={(u) => {
              const plain = shown[u.id];
              return (
                <Card
                  size="small"
                  className="admin-item-card"
                  title={t("admin.common.nameWithUsername", { name: u.displayName, username: u.username })}
                  extra={
                    plain ? (
                      <Button size="small" onClick={() => setShown(({ [u.id]: _, ...rest }) => rest)}>
                        {t("admin.people.hide")}
                      </Button>
                    ) : (
                      <Button size="small" type="primary" onClick={() => setTarget(u)}>
                        {t("admin.people.reveal")}
                      </Button>
                    )
                  }
                >
                  <ul className="admin-lines">
                    <li>
                      <RoleTags roles={u.roles} districtName={districts.name} />
                    </li>
                    {u.orgs.map((o) => (
                      <li key={o.orgId}>
                        {o.name}
                        <span className="admin-muted">
                          {t("admin.common.listSep")}
                          {districts.name(o.district)}
                          {t("admin.common.listSep")}
                          {t(`admin.orgRole.${o.orgRole}`)}
                        </span>
                      </li>
                    ))}
                    {line(t("admin.detail.phone"), u.phone, plain?.phone)}
                    {line(t("admin.detail.idNumber"), u.idNumber, plain?.idNumber)}
                  </ul>
                  {plain && (
                    <Space style={{ marginTop: 8 }}>
                      <span className="admin-muted">{t("admin.people.revealNote")}</span>
                    </Space>
                  )}
                </Card>
              );
            }}
          />
        )
      )}
      <RevealModal
        user={target}
        onClose={() => setTarget(null)}
        onRevealed={(id, r) => setShown((s) => ({ ...s, [id]: r }))}
      />
    </>
  );
}
