import type { AdminRequestView } from "@zhichan/shared";
import { Alert, App, Button, Card, Form, Grid, Input, List, Modal, Space, Table, Tabs, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { decideRequest, getAdminRequestsByStatus } from "../../../api/admin";
import { useAsync } from "../../../components/useAsync";
import { apiErrorText } from "../../../i18n/apiErrors";
import { AdminFrame } from "../AdminFrame";
import { dateTime } from "../adminText";
import type { AdminSession } from "../useAdminSession";

type Status = "pending" | "approved" | "rejected";

/** 管理员账户审批: requests to create, disable or enable administrator accounts, decided by a second administrator. */
export function RequestsPage() {
  return <AdminFrame page="requests">{(admin) => <RequestsView admin={admin} />}</AdminFrame>;
}

function RequestsView({ admin }: { admin: AdminSession }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const narrow = Grid.useBreakpoint().md === false;
  const [status, setStatus] = useState<Status>("pending");
  const [rejecting, setRejecting] = useState<AdminRequestView | null>(null);
  const [busy, setBusy] = useState(false);
  const list = useAsync((signal) => getAdminRequestsByStatus(status, signal), [status]);
  const decider = admin.can("role:assign");

  const decide = async (r: AdminRequestView, d: "approve" | "reject", reason?: string) => {
    setBusy(true);
    try {
      await decideRequest(r.id, d, reason);
      message.success(t(d === "approve" ? "admin.requests.approved" : "admin.requests.rejected"));
      setRejecting(null);
      list.reload();
    } catch (e) {
      message.error(apiErrorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const what = (r: AdminRequestView) =>
    r.kind === "create"
      ? t("admin.requests.createAs", { role: r.role ? t(`admin.roles.${r.role}`) : "" })
      : t(r.newStatus === "disabled" ? "admin.requests.disable" : "admin.requests.enable");
  const decided = (r: AdminRequestView) =>
    r.decidedBy
      ? t("admin.requests.decidedBy", { name: r.decidedBy, at: dateTime(r.decidedAt, i18n.language) }) +
        (r.reason
          ? `${t("admin.common.listSep")}${t("admin.requests.reason")}${t("admin.common.colon")}${r.reason}`
          : "")
      : "—";
  const buttons = (r: AdminRequestView) =>
    r.status === "pending" && decider ? (
      <Space wrap>
        <Button type="primary" size="small" loading={busy} onClick={() => decide(r, "approve")}>
          {t("admin.requests.approve")}
        </Button>
        <Button danger size="small" onClick={() => setRejecting(r)}>
          {t("admin.requests.reject")}
        </Button>
      </Space>
    ) : null;

  const content = list.error ? (
    <Alert type="error" showIcon message={apiErrorText(list.error, t)} />
  ) : narrow ? (
    <List
      loading={list.loading}
      dataSource={list.data ?? []}
      locale={{ emptyText: t("admin.requests.empty") }}
      renderItem={(r) => (
        <Card size="small" className="admin-item-card" title={r.username}>
          <ul className="admin-lines">
            <li>{what(r)}</li>
            <li>
              <span className="admin-line-label">
                {t("admin.requests.col.requestedBy")}
                {t("admin.common.colon")}
              </span>
              {r.requestedBy}
              {t("admin.common.listSep")}
              {dateTime(r.requestedAt, i18n.language)}
            </li>
            {r.status !== "pending" && (
              <li>
                <span className="admin-line-label">
                  {t("admin.requests.col.decided")}
                  {t("admin.common.colon")}
                </span>
                {decided(r)}
              </li>
            )}
          </ul>
          <div style={{ marginTop: 8 }}>{buttons(r)}</div>
        </Card>
      )}
    />
  ) : (
    <Table<AdminRequestView>
      rowKey="id"
      size="small"
      loading={list.loading}
      dataSource={list.data ?? []}
      pagination={false}
      scroll={{ x: 860 }}
      locale={{ emptyText: t("admin.requests.empty") }}
      columns={[
        { title: t("admin.requests.col.account"), dataIndex: "username" },
        { title: t("admin.requests.col.what"), render: (_, r) => what(r) },
        { title: t("admin.requests.col.requestedBy"), dataIndex: "requestedBy" },
        {
          title: t("admin.requests.col.requestedAt"),
          render: (_, r) => <span className="admin-nowrap">{dateTime(r.requestedAt, i18n.language)}</span>,
        },
        status === "pending"
          ? { title: t("admin.common.actions"), render: (_, r) => buttons(r) ?? "—" }
          : { title: t("admin.requests.col.decided"), render: (_, r) => decided(r) },
      ]}
    />
  );

  return (
    <>
      <Typography.Paragraph className="admin-intro">{t("admin.requests.intro")}</Typography.Paragraph>
      {!decider && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t("admin.requests.onlySecadmin")} />
      )}
      <Card className="admin-card" size="small">
        <Tabs
          activeKey={status}
          onChange={(k) => setStatus(k as Status)}
          items={(["pending", "approved", "rejected"] as const).map((s) => ({
            key: s,
            label: t(`admin.requests.tabs.${s}`),
          }))}
        />
        {content}
      </Card>
      <RejectModal
        request={rejecting}
        busy={busy}
        onCancel={() => setRejecting(null)}
        onReject={(r, reason) => decide(r, "reject", reason)}
      />
    </>
  );
}

function RejectModal({
  request,
  busy,
  onCancel,
  onReject,
}: {
  request: AdminRequestView | null;
  busy: boolean;
  onCancel: () => void;
  onReject: (r: AdminRequestView, reason?: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  return (
    <Modal
      open={request !== null}
      title={request ? t("admin.requests.rejectTitle", { name: request.username }) : ""}
      okText={t("admin.requests.reject")}
      okButtonProps={{ danger: true }}
      cancelText={t("admin.common.cancel")}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => request && onReject(request, v.reason?.trim() || undefined)}>
        <Form.Item name="reason" label={t("admin.requests.reason")}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder={t("admin.requests.reasonPlaceholder")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
