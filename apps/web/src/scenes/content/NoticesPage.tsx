import type { ContentKind } from "@zhichan/shared";
import { CONTENT_KINDS } from "@zhichan/shared";
import { Empty, Input, List, Pagination, Segmented, Select, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { listContent } from "../../api/content";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import { formatDay } from "./formatDay";
import { PublicLinks } from "./PublicLinks";
import "./content.css";

const PAGE_SIZE = 20;

/** 信息公开 (public): notices, policies and news, by section and category, with a text search; state in the URL. */
export function NoticesPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const kind = (CONTENT_KINDS as readonly string[]).includes(params.get("kind") ?? "")
    ? (params.get("kind") as ContentKind)
    : undefined;
  const category = params.get("category") ?? undefined;
  const q = params.get("q") ?? undefined;
  const page = Math.max(1, Number(params.get("page")) || 1);
  const data = useAsync(
    (s) => listContent({ kind, category, q, page, pageSize: PAGE_SIZE }, s),
    [kind, category, q, page],
  );
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== "page") next.delete("page");
    if (k === "kind") next.delete("category");
    setParams(next);
  };
  return (
    <div className="content-page" data-testid="notices-page">
      <Typography.Title level={2}>{t("publicInfo.title")}</Typography.Title>
      <PublicLinks />
      <Space wrap className="content-filters">
        <Segmented
          aria-label={t("publicInfo.manage.kind")}
          value={kind ?? "all"}
          onChange={(v) => set("kind", v === "all" ? undefined : String(v))}
          options={[
            { value: "all", label: t("publicInfo.allKinds") },
            ...CONTENT_KINDS.map((k) => ({ value: k, label: t(`publicInfo.kinds.${k}`) })),
          ]}
        />
        <Input.Search
          aria-label={t("publicInfo.search")}
          placeholder={t("publicInfo.search")}
          defaultValue={q}
          allowClear
          onSearch={(v) => set("q", v.trim() || undefined)}
          style={{ width: 260, maxWidth: "100%" }}
        />
        {data.data && data.data.categories.length > 0 && (
          <Select
            aria-label={t("publicInfo.category")}
            value={category ?? ""}
            onChange={(v) => set("category", v || undefined)}
            style={{ minWidth: 160 }}
            options={[
              { value: "", label: t("publicInfo.allCategories") },
              ...data.data.categories.map((c) => ({ value: c, label: c })),
            ]}
          />
        )}
      </Space>
      {data.error ? <ErrorView error={data.error} onRetry={data.reload} /> : null}
      {!data.data && !data.error ? <PageLoading /> : null}
      {data.data && data.data.items.length === 0 ? <Empty description={t("publicInfo.none")} /> : null}
      {data.data && data.data.items.length > 0 && (
        <>
          <List
            className="content-list"
            dataSource={data.data.items}
            renderItem={(item) => (
              <List.Item key={item.id} data-content-item={item.id}>
                <List.Item.Meta
                  title={
                    <span className="content-list-title">
                      <Tag color="blue">{t(`publicInfo.kinds.${item.kind}`)}</Tag>
                      <Link to={`/notices/${item.id}`} data-content>
                        {item.title}
                      </Link>
                    </span>
                  }
                  description={
                    <>
                      <span className="content-date">
                        {formatDay(item.publishAt ?? item.updatedAt, i18n.language)}
                        {item.category ? ` · ${item.category}` : ""}
                      </span>
                      <span className="content-excerpt">{item.excerpt}</span>
                    </>
                  }
                />
              </List.Item>
            )}
          />
          {data.data.total > PAGE_SIZE && (
            <Pagination
              current={page}
              pageSize={PAGE_SIZE}
              total={data.data.total}
              showSizeChanger={false}
              onChange={(p) => set("page", String(p))}
            />
          )}
        </>
      )}
    </div>
  );
}
