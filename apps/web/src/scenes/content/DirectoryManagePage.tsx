import type { DirectoryKind, ListingRow } from "@zhichan/shared";
import { DIRECTORY_KINDS } from "@zhichan/shared";
import { Alert, Checkbox, Empty, List, Result, Space, Switch, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { getListings, saveListing } from "../../api/content";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useSession } from "../../components/shell/useSession";
import { useAsync } from "../../components/useAsync";
import { apiErrorText } from "../../i18n/apiErrors";
import { useCodes } from "../../i18n/useCodes";
import "./content.css";

/** 名录公开设置 (registry:write): per registry record, whether it is public and which of its public fields show. */
export function DirectoryManagePage() {
  const { t } = useTranslation();
  const { can, session } = useSession();
  const [kind, setKind] = useState<DirectoryKind>("agencies");
  if (!session) return <PageLoading />;
  if (!can("registry:write")) return <Result status="403" title={t("common.notPermitted")} />;
  return (
    <div className="content-page" data-testid="directory-manage">
      <Typography.Title level={2}>{t("publicInfo.manage.directoryTitle")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("publicInfo.manage.directoryIntro")}</Typography.Paragraph>
      <Tabs
        activeKey={kind}
        onChange={(k) => setKind(k as DirectoryKind)}
        items={DIRECTORY_KINDS.map((k) => ({
          key: k,
          label: t(`publicInfo.directory.kinds.${k}`),
          children: k === kind ? <Listings kind={k} /> : null,
        }))}
      />
    </div>
  );
}

function Listings({ kind }: { kind: DirectoryKind }) {
  const { t } = useTranslation();
  const { code } = useCodes();
  const rows = useAsync((s) => getListings(kind, s), [kind]);
  const [error, setError] = useState<string | null>(null);
  if (rows.error) return <ErrorView error={rows.error} onRetry={rows.reload} />;
  if (!rows.data) return <PageLoading />;
  if (rows.data.items.length === 0) return <Empty description={t("publicInfo.directory.empty")} />;
  const save = async (r: ListingRow, published: boolean, fields: string[]) => {
    setError(null);
    try {
      await saveListing(r.entity, r.id, { published, fields });
      rows.reload();
    } catch (e) {
      setError(apiErrorText(e));
    }
  };
  return (
    <>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <List
        dataSource={rows.data.items}
        renderItem={(r) => (
          <List.Item key={`${r.entity}-${r.id}`} data-listing={r.id}>
            <Space direction="vertical" size={4} style={{ width: "100%" }}>
              <Space wrap>
                <strong style={{ overflowWrap: "anywhere" }}>{r.name}</strong>
                <Tag>{code("registry", r.category)}</Tag>
                {r.status !== "active" && <Tag color="orange">{code("registry", r.status)}</Tag>}
              </Space>
              <Space wrap>
                <span>{t("publicInfo.manage.publish")}</span>
                <Switch
                  checked={r.published}
                  aria-label={`${t("publicInfo.manage.publish")} ${r.name}`}
                  onChange={(on) => save(r, on, r.fields)}
                />
              </Space>
              <Checkbox.Group
                aria-label={t("publicInfo.manage.fields")}
                value={r.fields}
                onChange={(v) => save(r, r.published, v as string[])}
                options={r.allowedFields.map((f) => ({ value: f, label: t(`publicInfo.directory.${f}`) }))}
              />
            </Space>
          </List.Item>
        )}
      />
    </>
  );
}
