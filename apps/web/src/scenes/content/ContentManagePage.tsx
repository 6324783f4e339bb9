import type { ContentSummary } from "@zhichan/shared";
import { Button, Empty, List, Result, Space, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { manageContent } from "../../api/content";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useSession } from "../../components/shell/useSession";
import { useAsync } from "../../components/useAsync";
import { ContentEditor } from "./ContentEditor";
import { GuideEditor } from "./GuideEditor";
import "./content.css";

/** 内容发布 (officials with content:publish): items with their state, the editor, and the guides. */
export function ContentManagePage() {
  const { t } = useTranslation();
  const { can, session } = useSession();
  const [tab, setTab] = useState("items");
  if (!session) return <PageLoading />;
  if (!can("content:publish")) return <Result status="403" title={t("common.notPermitted")} />;
  return (
    <div className="content-page" data-testid="content-manage">
      <Typography.Title level={2}>{t("publicInfo.manage.title")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("publicInfo.manage.intro")}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: "items", label: t("publicInfo.manage.tabItems"), children: tab === "items" ? <Items /> : null },
          {
            key: "guides",
            label: t("publicInfo.manage.tabGuides"),
            children: tab === "guides" ? <GuideEditor /> : null,
          },
        ]}
      />
    </div>
  );
}

function Items() {
  const { t } = useTranslation();
  const list = useAsync((s) => manageContent({ pageSize: 100 }, s), []);
  const [editing, setEditing] = useState<number | "new" | null>(null);
  if (editing !== null)
    return (
      <ContentEditor
        id={editing === "new" ? null : editing}
        onClose={() => {
          setEditing(null);
          list.reload();
        }}
      />
    );
  if (list.error) return <ErrorView error={list.error} onRetry={list.reload} />;
  if (!list.data) return <PageLoading />;
  return (
    <>
      <Button type="primary" onClick={() => setEditing("new")} style={{ marginBottom: 12 }} data-testid="content-new">
        {t("publicInfo.manage.create")}
      </Button>
      {list.data.items.length === 0 ? (
        <Empty description={t("publicInfo.none")} />
      ) : (
        <List
          dataSource={list.data.items}
          renderItem={(i) => (
            <List.Item
              key={i.id}
              data-manage-item={i.id}
              actions={[
                <Button key="edit" size="small" onClick={() => setEditing(i.id)}>
                  {t("publicInfo.manage.edit")}
                </Button>,
              ]}
            >
              <Space wrap>
                <Tag>{t(`publicInfo.kinds.${i.kind}`)}</Tag>
                <StateTag item={i} />
                <span style={{ overflowWrap: "anywhere" }}>{i.title}</span>
              </Space>
            </List.Item>
          )}
        />
      )}
    </>
  );
}

export function StateTag({ item }: { item: Pick<ContentSummary, "published" | "visible"> }) {
  const { t } = useTranslation();
  if (item.visible) return <Tag color="green">{t("publicInfo.manage.visible")}</Tag>;
  if (item.published) return <Tag color="orange">{t("publicInfo.manage.scheduled")}</Tag>;
  return <Tag>{t("publicInfo.manage.draft")}</Tag>;
}
