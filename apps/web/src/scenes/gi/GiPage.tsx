import type { GiProduct } from "@zhichan/shared";
import { GI_KINDS, GI_STAGES } from "@zhichan/shared";
import { Alert, Button, Card, Input, List, Select, Space, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { getGiMap, listGi } from "../../api/gi";
import { useSession } from "../../components/shell/useSession";
import { useAsync } from "../../components/useAsync";
import { GiFormModal } from "./GiFormModal";
import { GiMaps } from "./GiMaps";
import "./gi.css";

const PAGE = 20;
export const stageColor = (s: string) =>
  s === "registered" ? "green" : s === "revoked" ? "default" : s === "publicised" ? "gold" : "blue";

/** 地理标志: the public register — map by city and district, a searchable list, and officials' additions. */
export function GiPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [q, setQ] = useState<{ q?: string; kind?: string; stage?: string; area?: string }>({});
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const map = useAsync((signal) => getGiMap(signal), []);
  const list = useAsync(
    (signal) => listGi({ ...(q as object), limit: PAGE, offset: (page - 1) * PAGE }, signal),
    [q, page],
  );
  const set = (patch: Partial<typeof q>) => {
    setPage(1);
    setQ((x) => ({ ...x, ...patch }));
  };
  const areas = [
    ...(map.data?.byCity ?? []).map((c) => ({ value: c.code, label: `${c.name}（${c.all}）` })),
    ...(map.data?.byDistrict ?? []).map((d) => ({ value: d.code, label: `· ${d.name}（${d.all}）` })),
  ];
  return (
    <div className="gi-page">
      <Card
        title={<h1 className="page-h1">{t("gi.title")}</h1>}
        extra={
          can("registry:write") && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="gi-add">
              {t("gi.add")}
            </Button>
          )
        }
      >
        <Alert type="info" showIcon message={t("gi.intro")} />
      </Card>
      {map.data && <GiMaps counts={map.data} />}
      <Card>
        <Space wrap className="gi-filters">
          <Input.Search
            allowClear
            placeholder={t("gi.search")}
            aria-label={t("gi.search")}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            className="gi-search"
          />
          <Select
            allowClear
            placeholder={t("gi.kind")}
            aria-label={t("gi.kind")}
            className="gi-select"
            onChange={(v) => set({ kind: v })}
            options={GI_KINDS.map((k) => ({ value: k, label: t(`gi.kinds.${k}`) }))}
          />
          <Select
            allowClear
            placeholder={t("gi.stage")}
            aria-label={t("gi.stage")}
            className="gi-select"
            onChange={(v) => set({ stage: v })}
            options={GI_STAGES.map((k) => ({ value: k, label: t(`gi.stages.${k}`) }))}
          />
          <Select
            allowClear
            placeholder={t("gi.clearArea")}
            aria-label={t("gi.area")}
            className="gi-select"
            onChange={(v) => set({ area: v })}
            options={areas}
          />
        </Space>
        <List<GiProduct>
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          header={list.data && <span className="muted">{t("gi.total", { n: list.data.total })}</span>}
          pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, onChange: setPage, size: "small" }}
          locale={{ emptyText: t("gi.empty") }}
          renderItem={(g) => (
            <List.Item data-testid="gi-item">
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <Link to={`/gi/${g.id}`} data-content>
                      {g.name}
                    </Link>
                    <Tag>{t(`gi.kinds.${g.kind}`)}</Tag>
                    <Tag color={stageColor(g.stage)}>{t(`gi.stages.${g.stage}`)}</Tag>
                  </Space>
                }
                description={
                  <span data-content>
                    {[g.prefecture, g.area].filter(Boolean).join(" · ") || "—"}
                    {g.announcement && ` · ${g.announcement}`}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      {adding && (
        <GiFormModal
          entry={null}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            list.reload();
            map.reload();
          }}
        />
      )}
    </div>
  );
}
