import type { MyOrgRequests, OrgDetail } from "@zhichan/shared";
import { Alert, App, Button, Card, Empty, Input, List, Popconfirm, Space, Tag, Typography } from "antd";
import { useState } from "react";
import {
  answerInvitation,
  cancelInvitation,
  decideClaim,
  getMyOrgRequests,
  getMyOrgs,
  getSession,
  inviteMember,
  leaveOrg,
  makeOwner,
  removeMember,
} from "../../api/accounts";
import { useAsync } from "../../components/useAsync";
import { errorText } from "../signin/signin-util";
import { useText } from "../signin/useText";

/**
 * 我的机构: the organisations the user has joined (accepted), invitations waiting for an answer, the state of the
 * user's own claims, and for owners: invite by username, withdraw invitations, decide claims, hand over, remove.
 */
export function MyOrgsPage() {
  const tx = useText();
  const { message } = App.useApp();
  const orgs = useAsync((signal) => getMyOrgs(signal), []);
  const requests = useAsync((signal) => getMyOrgRequests(signal), []);
  const session = useAsync((signal) => getSession(signal), []);
  const me = session.data?.user?.username ?? null;
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
        {tx("我的机构", "My organisations")}
      </Typography.Title>
      {error ? <Alert type="error" showIcon message={errorText(error)} /> : null}
      <Waiting requests={requests.data} act={act} />
      {(orgs.data ?? []).map((o) => (
        <OrgCard key={o.id} org={o} me={me} act={act} />
      ))}
      {orgs.data && orgs.data.length === 0 ? (
        <Empty description={tx("尚未加入任何机构", "No organisation yet")} />
      ) : null}
    </div>
  );
}

type Act = (work: () => Promise<unknown>, done: string) => Promise<void>;

function Waiting({ requests, act }: { requests: MyOrgRequests | undefined; act: Act }) {
  const tx = useText();
  if (!requests || (requests.invitations.length === 0 && requests.claims.length === 0)) return null;
  const status = {
    pending: ["gold", tx("待审核", "Pending")],
    approved: ["green", tx("已批准", "Approved")],
    rejected: ["red", tx("已驳回", "Rejected")],
  } as const;
  return (
    <Card title={tx("待处理", "Waiting")}>
      <List
        dataSource={requests.invitations}
        locale={{ emptyText: tx("没有邀请", "No invitations") }}
        renderItem={(i) => (
          <List.Item
            actions={[
              <Button
                key="a"
                type="primary"
                onClick={() => act(() => answerInvitation(i.id, "accept"), tx("已加入", "Joined"))}
              >
                {tx("接受", "Accept")}
              </Button>,
              <Button key="d" onClick={() => act(() => answerInvitation(i.id, "decline"), tx("已拒绝", "Declined"))}>
                {tx("拒绝", "Decline")}
              </Button>,
            ]}
          >
            {tx(`${i.invitedBy} 邀请你加入「${i.orgName}」`, `${i.invitedBy} invites you to join “${i.orgName}”`)}
          </List.Item>
        )}
      />
      {requests.claims.length > 0 ? (
        <List
          header={tx("我的机构认领", "My claims")}
          dataSource={requests.claims}
          renderItem={(c) => (
            <List.Item>
              <Space>
                {c.orgName} ({c.orgCode})<Tag color={status[c.status][0]}>{status[c.status][1]}</Tag>
                {c.reason ? <span>{c.reason}</span> : null}
              </Space>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}

function OrgCard({ org, me, act }: { org: OrgDetail; me: string | null; act: Act }) {
  const tx = useText();
  const [username, setUsername] = useState("");
  const owner = org.members.some((m) => m.orgRole === "owner" && m.username === me);
  return (
    <Card
      title={
        // the name and the 18-character code wrap on a phone instead of pushing the card wider than the screen
        <span style={{ whiteSpace: "normal", wordBreak: "break-all" }}>
          {org.name}{" "}
          <Typography.Text type="secondary" style={{ fontWeight: "normal" }}>
            {org.code}
          </Typography.Text>
        </span>
      }
      extra={
        <Popconfirm
          title={tx("确定退出该机构？", "Leave this organisation?")}
          onConfirm={() => act(() => leaveOrg(org.id), tx("已退出", "Left"))}
        >
          <Button danger>{tx("退出机构", "Leave")}</Button>
        </Popconfirm>
      }
    >
      <List
        header={tx("成员", "Members")}
        dataSource={org.members}
        renderItem={(m) => (
          <List.Item
            actions={
              owner && m.orgRole === "member"
                ? [
                    <Button
                      key="o"
                      size="small"
                      onClick={() => act(() => makeOwner(org.id, m.userId), tx("已设为所有者", "Now an owner"))}
                    >
                      {tx("设为所有者", "Make owner")}
                    </Button>,
                    <Button
                      key="r"
                      size="small"
                      danger
                      onClick={() => act(() => removeMember(org.id, m.userId), tx("已移除", "Removed"))}
                    >
                      {tx("移除", "Remove")}
                    </Button>,
                  ]
                : []
            }
          >
            {m.displayName} ({m.username}){" "}
            {m.orgRole === "owner" ? <Tag color="blue">{tx("所有者", "Owner")}</Tag> : null}
          </List.Item>
        )}
      />
      {owner ? (
        <>
          <Space.Compact style={{ marginTop: 12 }}>
            <Input
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              placeholder={tx("用户名", "Username")}
              aria-label={tx("邀请的用户名", "Username to invite")}
            />
            <Button
              type="primary"
              disabled={!username.trim()}
              onClick={() =>
                act(
                  () => inviteMember(org.id, username.trim()),
                  tx("邀请已发出，对方接受后加入", "Invitation sent: they join once they accept"),
                ).then(() => setUsername(""))
              }
            >
              {tx("邀请", "Invite")}
            </Button>
          </Space.Compact>
          <List
            header={tx("待接受的邀请", "Pending invitations")}
            dataSource={org.invitations}
            locale={{ emptyText: tx("无", "None") }}
            renderItem={(i) => (
              <List.Item
                actions={[
                  <Button
                    key="c"
                    size="small"
                    onClick={() => act(() => cancelInvitation(org.id, i.id), tx("已撤回", "Withdrawn"))}
                  >
                    {tx("撤回", "Withdraw")}
                  </Button>,
                ]}
              >
                {i.username}
              </List.Item>
            )}
          />
          <List
            header={tx("认领本机构的申请", "Claims on this organisation")}
            dataSource={org.claims}
            locale={{ emptyText: tx("无", "None") }}
            renderItem={(c) => (
              <List.Item
                actions={[
                  <Button
                    key="a"
                    size="small"
                    onClick={() => act(() => decideClaim(c.id, "approve"), tx("已批准", "Approved"))}
                  >
                    {tx("批准", "Approve")}
                  </Button>,
                  <Button
                    key="r"
                    size="small"
                    danger
                    onClick={() => act(() => decideClaim(c.id, "reject"), tx("已驳回", "Rejected"))}
                  >
                    {tx("驳回", "Reject")}
                  </Button>,
                ]}
              >
                {c.displayName} ({c.username})
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Card>
  );
}
