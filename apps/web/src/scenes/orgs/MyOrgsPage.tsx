import type { MyOrgRequests, OrgDetail } from "@zhichan/shared";
import { Alert, App, Button, Card, Empty, Input, List, Popconfirm, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import {
  answerInvitation,
  cancelInvitation,
  decideClaim,
  getMyOrgRequests,
  getMyOrgs,
  inviteMember,
  leaveOrg,
  makeOwner,
  removeMember,
} from "../../api/accounts";
import { useSession } from "../../components/shell/useSession";
import { useAsync } from "../../components/useAsync";
import { errorText } from "../signin/signin-util";

/**
 * 我的机构: the organisations the user has joined (accepted), invitations waiting for an answer, the state of the
 * user's own claims, and for owners: invite by username, withdraw invitations, decide claims, hand over, remove.
 */
export function MyOrgsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const orgs = useAsync((signal) => getMyOrgs(signal), []);
  const requests = useAsync((signal) => getMyOrgRequests(signal), []);
  const me = useSession().user?.username ?? null;
  const reload = () => {
    orgs.reload();
    requests.reload();
  };
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const error = orgs.error ?? requests.error;

  return (
    <div style={{ maxWidth: 960, margin: "24px auto", display: "grid", gap: 16 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t("myOrgs.title")}
      </Typography.Title>
      {error ? <Alert type="error" showIcon message={errorText(error)} /> : null}
      <Waiting requests={requests.data} act={act} />
      {(orgs.data ?? []).map((o) => (
        <OrgCard key={o.id} org={o} me={me} act={act} />
      ))}
      {orgs.data && orgs.data.length === 0 ? <Empty description={t("myOrgs.noOrgs")} /> : null}
    </div>
  );
}

type Act = (work: () => Promise<unknown>, done: string) => Promise<void>;

function Waiting({ requests, act }: { requests: MyOrgRequests | undefined; act: Act }) {
  const { t } = useTranslation();
  if (!requests || (requests.invitations.length === 0 && requests.claims.length === 0)) return null;
  const color = { pending: "gold", approved: "green", rejected: "red" } as const;
  return (
    <Card title={t("myOrgs.waiting")}>
      <List
        dataSource={requests.invitations}
        locale={{ emptyText: t("myOrgs.noInvitations") }}
        renderItem={(i) => (
          <List.Item
            actions={[
              <Button
                key="a"
                type="primary"
                onClick={() => act(() => answerInvitation(i.id, "accept"), t("myOrgs.joined"))}
              >
                {t("myOrgs.accept")}
              </Button>,
              <Button key="d" onClick={() => act(() => answerInvitation(i.id, "decline"), t("myOrgs.declined"))}>
                {t("myOrgs.decline")}
              </Button>,
            ]}
          >
            <span>
              <Trans
                i18nKey="myOrgs.invitedBy"
                values={{ who: i.invitedBy, org: i.orgName }}
                components={{ who: <span data-content />, org: <span data-content /> }}
              />
            </span>
          </List.Item>
        )}
      />
      {requests.claims.length > 0 ? (
        <List
          header={t("myOrgs.myClaims")}
          dataSource={requests.claims}
          renderItem={(c) => (
            <List.Item>
              <Space>
                <span data-content>
                  {c.orgName} ({c.orgCode})
                </span>
                <Tag color={color[c.status]}>{t(`myOrgs.claimStatus.${c.status}`)}</Tag>
                {c.reason ? <span data-content>{c.reason}</span> : null}
              </Space>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}

function OrgCard({ org, me, act }: { org: OrgDetail; me: string | null; act: Act }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState("");
  const owner = org.members.some((m) => m.orgRole === "owner" && m.username === me);
  return (
    <Card
      // a long name wraps onto a second line on a phone: the header grows with room above and below
      styles={{ header: { paddingBlock: 8 } }}
      title={
        // the name and the 18-character code wrap on a phone instead of pushing the card wider than the screen
        <span style={{ whiteSpace: "normal", wordBreak: "break-all" }} data-content>
          {org.name}{" "}
          <Typography.Text type="secondary" style={{ fontWeight: "normal" }}>
            {org.code}
          </Typography.Text>
        </span>
      }
      extra={
        <Popconfirm title={t("myOrgs.leaveConfirm")} onConfirm={() => act(() => leaveOrg(org.id), t("myOrgs.left"))}>
          <Button danger>{t("myOrgs.leave")}</Button>
        </Popconfirm>
      }
    >
      <List
        header={t("myOrgs.members")}
        dataSource={org.members}
        renderItem={(m) => (
          <List.Item
            actions={
              owner && m.orgRole === "member"
                ? [
                    <Button
                      key="o"
                      size="small"
                      onClick={() => act(() => makeOwner(org.id, m.userId), t("myOrgs.madeOwner"))}
                    >
                      {t("myOrgs.makeOwner")}
                    </Button>,
                    <Button
                      key="r"
                      size="small"
                      danger
                      onClick={() => act(() => removeMember(org.id, m.userId), t("myOrgs.removed"))}
                    >
                      {t("myOrgs.remove")}
                    </Button>,
                  ]
                : []
            }
          >
            <span data-content>
              {m.displayName} ({m.username})
            </span>{" "}
            {m.orgRole === "owner" ? <Tag color="blue">{t("myOrgs.owner")}</Tag> : null}
          </List.Item>
        )}
      />
      {owner ? (
        <>
          <Space.Compact style={{ margin: "12px 0 16px" }}>
            <Input
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              placeholder={t("myOrgs.username")}
              aria-label={t("myOrgs.inviteUsername")}
            />
            <Button
              type="primary"
              disabled={!username.trim()}
              onClick={() =>
                act(() => inviteMember(org.id, username.trim()), t("myOrgs.invited")).then(() => setUsername(""))
              }
            >
              {t("myOrgs.invite")}
            </Button>
          </Space.Compact>
          <List
            header={t("myOrgs.pendingInvitations")}
            dataSource={org.invitations}
            locale={{ emptyText: t("myOrgs.none") }}
            renderItem={(i) => (
              <List.Item
                actions={[
                  <Button
                    key="c"
                    size="small"
                    onClick={() => act(() => cancelInvitation(org.id, i.id), t("myOrgs.withdrawn"))}
                  >
                    {t("myOrgs.withdraw")}
                  </Button>,
                ]}
              >
                <span data-content>{i.username}</span>
              </List.Item>
            )}
          />
          <List
            header={t("myOrgs.claimsOnOrg")}
            dataSource={org.claims}
            locale={{ emptyText: t("myOrgs.none") }}
            renderItem={(c) => (
              <List.Item
                actions={[
                  <Button
                    key="a"
                    size="small"
                    onClick={() => act(() => decideClaim(c.id, "approve"), t("myOrgs.approved"))}
                  >
                    {t("myOrgs.approve")}
                  </Button>,
                  <Button
                    key="r"
                    size="small"
                    danger
                    onClick={() => act(() => decideClaim(c.id, "reject"), t("myOrgs.rejected"))}
                  >
                    {t("myOrgs.reject")}
                  </Button>,
                ]}
              >
                <span data-content>
                  {c.displayName} ({c.username})
                </span>
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Card>
  );
}
