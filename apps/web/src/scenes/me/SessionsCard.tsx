import { DesktopOutlined } from "@ant-design/icons";
import type { MySession } from "@zhichan/shared";
import { Alert, App, Button, Card, List, Popconfirm, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { signOut } from "../../api/accounts";
import { getMySessions, revokeOtherSessions, revokeSession } from "../../api/me";
import { ErrorView } from "../../components/ErrorView";
import { useAsync } from "../../components/useAsync";
import { apiErrorText } from "../../i18n/apiErrors";

const when = (iso: string) => dayjs(iso).format("YYYY-MM-DD HH:mm");

/** One's live sessions: where and when, this one marked; sign out one, all the others, or everywhere. */
export function SessionsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const sessions = useAsync((signal) => getMySessions(signal), []);
  const items = sessions.data?.items ?? [];
  const others = items.filter((s) => !s.current).length;

  const act = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (e) {
      message.error(apiErrorText(e));
    }
  };
  const revoke = (s: MySession) =>
    act(async () => {
      const r = await revokeSession(s.id);
      message.success(t("me.sessions.revoked"));
      if (r.signedOut) navigate("/signin");
      else sessions.reload();
    });
  const revokeOthers = () =>
    act(async () => {
      const r = await revokeOtherSessions();
      message.success(t("me.sessions.revokedOthers", { n: r.ended }));
      sessions.reload();
    });
  const everywhere = () =>
    act(async () => {
      await signOut(true);
      navigate("/signin");
    });

  return (
    <Card title={t("me.sessions.title")} data-testid="me-sessions">
      <Typography.Paragraph type="secondary">{t("me.sessions.intro")}</Typography.Paragraph>
      {sessions.error ? <ErrorView error={sessions.error} onRetry={sessions.reload} /> : null}
      <List
        loading={sessions.loading && !sessions.data}
        dataSource={items}
        rowKey="id"
        renderItem={(s) => (
          <List.Item
            data-testid="session-row"
            data-current={s.current ? "true" : "false"}
            actions={[
              <Popconfirm key="revoke" title={t("me.sessions.revokeConfirm")} onConfirm={() => revoke(s)}>
                <Button size="small" danger={!s.current}>
                  {t("me.sessions.revoke")}
                </Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              avatar={<DesktopOutlined style={{ fontSize: 20, color: "#1f5fa8" }} />}
              title={
                <Space wrap size={4}>
                  <span>{s.device ?? t("me.sessions.unknownDevice")}</span>
                  {s.current && <Tag color="blue">{t("me.sessions.current")}</Tag>}
                </Space>
              }
              description={
                <span className="session-meta">
                  <span>
                    {t("me.sessions.ip")} {s.ip ?? t("me.sessions.unknownIp")}
                  </span>
                  <span>
                    {t("me.sessions.created")} {when(s.createdAt)}
                  </span>
                  <span>
                    {t("me.sessions.lastSeen")} {when(s.lastSeenAt)}
                  </span>
                </span>
              }
            />
          </List.Item>
        )}
      />
      {sessions.data && others === 0 && <Alert type="info" showIcon message={t("me.sessions.none")} />}
      <Space wrap style={{ marginTop: 16 }}>
        <Popconfirm title={t("me.sessions.revokeOthersConfirm")} onConfirm={revokeOthers} disabled={others === 0}>
          <Button disabled={others === 0} data-testid="revoke-others">
            {t("me.sessions.revokeOthers")}
          </Button>
        </Popconfirm>
        <Popconfirm title={t("me.sessions.everywhereConfirm")} onConfirm={everywhere}>
          <Button danger data-testid="signout-everywhere">
            {t("me.sessions.everywhere")}
          </Button>
        </Popconfirm>
      </Space>
    </Card>
  );
}
