import { IP_ASSET_TYPES, type MarketplaceItem } from "@zhichan/shared";
import { Card, Input, List, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { getMarketplace } from "../../api/cases";
import { useAsync } from "../../components/useAsync";
import { useCodes } from "../../i18n/useCodes";

/** 交易大厅: published transfer, licence and auction listings, searchable; patents link to their record. */
export function MarketplacePage() {
  const { t, i18n } = useTranslation();
  const { code } = useCodes();
  const [q, setQ] = useState<{ q?: string; listingKind?: string; assetType?: string }>({});
  const [page, setPage] = useState(1);
  const r = useAsync(
    (signal) => getMarketplace({ ...(q as object), limit: 20, offset: (page - 1) * 20 }, signal),
    [q, page],
  );
  const opt = (k: string) => code("caseOption", k);
  return (
    <Card title={t("services.marketplace.title")}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t("services.marketplace.search")}
          onSearch={(v) => {
            setPage(1);
            setQ((x) => ({ ...x, q: v.trim() || undefined }));
          }}
          style={{ width: 300 }}
        />
        <Select
          allowClear
          placeholder={t("services.marketplace.kind")}
          aria-label={t("services.marketplace.kind")}
          style={{ width: 140 }}
          onChange={(v) => setQ((x) => ({ ...x, listingKind: v }))}
          options={["transfer", "licence", "auction"].map((k) => ({ value: k, label: opt(k) }))}
        />
        <Select
          allowClear
          placeholder={t("services.marketplace.asset")}
          aria-label={t("services.marketplace.asset")}
          style={{ width: 170 }}
          onChange={(v) => setQ((x) => ({ ...x, assetType: v }))}
          options={IP_ASSET_TYPES.map((k) => ({ value: k, label: opt(k) }))}
        />
      </Space>
      <List<MarketplaceItem>
        loading={r.loading}
        dataSource={r.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: r.data?.total ?? 0, onChange: setPage }}
        locale={{ emptyText: t("services.marketplace.empty") }}
        renderItem={(i) => (
          <List.Item data-testid="listing">
            <List.Item.Meta
              title={
                <Space>
                  <Tag color="blue">{opt(i.listingKind)}</Tag>
                  <Tag>{opt(i.assetType)}</Tag>
                  <span data-content>{i.assetTitle}</span>
                </Space>
              }
              description={
                <>
                  <div>
                    {i.assetNumber}
                    {i.niceClass !== null && ` · ${t("ipAssets.niceClass", { n: i.niceClass })}`} ·{" "}
                    <span data-content>{i.orgName ?? ""}</span> ·{" "}
                    {i.priceYuan
                      ? t("services.marketplace.price", { price: i.priceYuan.toLocaleString(i18n.language) })
                      : t("services.marketplace.negotiable")}
                  </div>
                  <Space>
                    {i.patent && <Link to={`/patents/${i.patent.id}`}>{t("services.marketplace.patentRecord")}</Link>}
                    <Link to={`/cases/new/listing_enquiry?listingId=${i.id}`} data-enquire={i.id}>
                      {t("services.marketplace.enquire")}
                    </Link>
                  </Space>
                  {i.description && (
                    <Typography.Paragraph ellipsis={{ rows: 2 }} data-content>
                      {i.description}
                    </Typography.Paragraph>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
