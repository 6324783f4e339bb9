import { Alert, Button, Card, Descriptions, Space, Spin, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { getGi } from "../../api/gi";
import { useSession } from "../../components/shell/useSession";
import { useAsync } from "../../components/useAsync";
import { GiFormModal } from "./GiFormModal";
import { stageColor } from "./GiPage";
import "./gi.css";

/** One GI entry with its source; officials with registry:write change it here. */
export function GiDetailPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const id = Number(useParams().id);
  const [editing, setEditing] = useState(false);
  const r = useAsync((signal) => getGi(id, signal), [id]);
  if (r.error) return <Alert type="warning" showIcon message={t("errors.NOT_FOUND")} />;
  const g = r.data;
  if (!g) return <Spin />;
  const dash = (v: string | number | null) => (v === null || v === "" ? "—" : String(v));
  return (
    <Card
      className="gi-detail"
      title={
        <Space wrap>
          <h1 className="page-h1" data-content>
            {g.name}
          </h1>
          <Tag>{t(`gi.kinds.${g.kind}`)}</Tag>
          <Tag color={stageColor(g.stage)}>{t(`gi.stages.${g.stage}`)}</Tag>
        </Space>
      }
      extra={
        can("registry:write") && (
          <Button onClick={() => setEditing(true)} data-testid="gi-edit">
            {t("gi.edit")}
          </Button>
        )
      }
    >
      <Descriptions column={1} size="small" bordered data-testid="gi-detail">
        <Descriptions.Item label={t("gi.prefecture")}>{dash(g.prefecture)}</Descriptions.Item>
        <Descriptions.Item label={t("gi.areaName")}>{dash(g.area)}</Descriptions.Item>
        <Descriptions.Item label={t("gi.announcement")}>{dash(g.announcement)}</Descriptions.Item>
        <Descriptions.Item label={t("gi.year")}>{dash(g.year)}</Descriptions.Item>
        <Descriptions.Item label={t("gi.recognisedOn")}>{dash(g.recognisedOn)}</Descriptions.Item>
        <Descriptions.Item label={t("gi.officialId")}>{dash(g.officialId)}</Descriptions.Item>
        {g.event && <Descriptions.Item label={t("gi.event")}>{g.event}</Descriptions.Item>}
        {g.giTypeRaw && <Descriptions.Item label={t("gi.giTypeRaw")}>{g.giTypeRaw}</Descriptions.Item>}
        {g.notes && <Descriptions.Item label={t("gi.notes")}>{g.notes}</Descriptions.Item>}
        <Descriptions.Item label={t("gi.source")}>
          <Space direction="vertical" size={2}>
            <span>{t(g.source === "shipped" ? "gi.sourceShipped" : "gi.sourceOfficial")}</span>
            {g.sourceUrl && (
              <a href={g.sourceUrl} target="_blank" rel="noopener noreferrer nofollow" className="gi-url">
                {t("gi.openSource")}
              </a>
            )}
            <span className="muted small">
              {t("gi.updatedAt", { at: new Date(g.updatedAt).toLocaleDateString(i18n.language) })}
            </span>
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <p>
        <Link to="/gi">{t("gi.back")}</Link>
      </p>
      {editing && (
        <GiFormModal
          entry={g}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            r.reload();
          }}
        />
      )}
    </Card>
  );
}
