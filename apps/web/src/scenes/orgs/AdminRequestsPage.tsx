import type { AdminRequestView } from "@zhichan/shared";
import { Alert, App, Button, Space, Table, Typography } from "antd";
import { decideAdminRequest, getAdminRequests } from "../../api/accounts";
import { useAsync } from "../../components/useAsync";
import { errorText } from "../signin/signin-util";
import { useText } from "../signin/useText";

/**
 * 管理员账户审批 (三员分立): administrator accounts the system administrator asked to create, disable or enable wait
 * here for a second administrator (the security administrator) to approve or reject.
 */
export function AdminRequestsPage() {
  const tx = useText();
  const { message } = App.useApp();
  const list = useAsync((signal) => getAdminRequests(signal), []);
  const decide = async (id: number, d: "approve" | "reject") => {
    try {
      await decideAdminRequest(id, d);
      message.success(d === "approve" ? tx("已批准", "Approved") : tx("已驳回", "Rejected"));
      list.reload();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const what = (r: AdminRequestView) =>
    r.kind === "create"
      ? tx(`创建 ${r.role ?? ""} 账户`, `Create a ${r.role ?? ""} account`)
      : r.newStatus === "disabled"
        ? tx("停用账户", "Disable the account")
        : tx("启用账户", "Enable the account");
  return (
    <div style={{ maxWidth: 960, margin: "24px auto" }}>
      <Typography.Title level={2}>{tx("管理员账户审批", "Administrator account approvals")}</Typography.Title>
      {list.error ? <Alert type="error" showIcon message={errorText(list.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<AdminRequestView>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        columns={[
          { title: tx("用户名", "Username"), dataIndex: "username" },
          { title: tx("申请事项", "Request"), render: (_, r) => what(r) },
          { title: tx("申请人", "Requested by"), dataIndex: "requestedBy" },
          {
            title: tx("时间", "When"),
            dataIndex: "requestedAt",
            render: (v: string) => v.slice(0, 16).replace("T", " "),
          },
          {
            title: "",
            render: (_, r) => (
              <Space>
                <Button type="primary" size="small" onClick={() => decide(r.id, "approve")}>
                  {tx("批准", "Approve")}
                </Button>
                <Button danger size="small" onClick={() => decide(r.id, "reject")}>
                  {tx("驳回", "Reject")}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
