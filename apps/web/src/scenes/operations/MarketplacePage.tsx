import type { MarketplaceItem } from "@zhichan/shared";
import { Card, Input, List, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { getMarketplace } from "../../api/cases";
import { useAsync } from "../../components/useAsync";
import { OPTION_LABELS } from "../cases/caseText";
import { useShortText, useText } from "../signin/useText";

/** 交易大厅: published transfer, licence and auction listings, searchable; patents link to their record. */
export function MarketplacePage() {
  const tx = useText();
  const short = useShortText();
  const [q, setQ] = useState<{ q?: string; listingKind?: string; assetType?: string }>({});
  const [page, setPage] = useState(1);
  const r = useAsync(
    (signal) => getMarketplace({ ...(q as object), limit: 20, offset: (page - 1) * 20 }, signal),
    [q, page],
  );
  const opt = (k: string) => (OPTION_LABELS[k] ? short(...OPTION_LABELS[k]) : k);
  return (
    <Card title={tx("交易大厅", "Marketplace")}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={tx("搜索标的名称、号码、说明", "Search listings")}
          onSearch={(v) => {
            setPage(1);
            setQ((x) => ({ ...x, q: v.trim() || undefined }));
          }}
          style={{ width: 300 }}
        />
        <Select
          allowClear
          placeholder={short("交易方式", "Kind")}
          style={{ width: 140 }}
          onChange={(v) => setQ((x) => ({ ...x, listingKind: v }))}
          options={["transfer", "licence", "auction"].map((k) => ({ value: k, label: opt(k) }))}
        />
        <Select
          allowClear
          placeholder={short("标的类型", "Asset")}
          style={{ width: 140 }}
          onChange={(v) => setQ((x) => ({ ...x, assetType: v }))}
          options={["patent", "trademark", "copyright", "gi"].map((k) => ({ value: k, label: opt(k) }))}
        />
      </Space>
      <List<MarketplaceItem>
        loading={r.loading}
        dataSource={r.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: r.data?.total ?? 0, onChange: setPage }}
        locale={{ emptyText: tx("暂无已发布的挂牌", "No published listings") }}
        renderItem={(i) => (
          <List.Item data-testid="listing">
            <List.Item.Meta
              title={
                <Space>
                  <Tag color="blue">{opt(i.listingKind)}</Tag>
                  <Tag>{opt(i.assetType)}</Tag>
                  {i.assetTitle}
                </Space>
              }
              description={
                <>
                  <div>
                    {i.assetNumber} · {i.orgName ?? ""} ·{" "}
                    {i.priceYuan
                      ? `${i.priceYuan.toLocaleString("zh-CN")} ${tx("元", "yuan")}`
                      : tx("面议", "negotiable")}
                  </div>
                  <Space>
                    {i.patent && <Link to={`/patents/${i.patent.id}`}>{tx("专利详情", "Patent record")}</Link>}
                    <Link to={`/cases/new/listing_enquiry?listingId=${i.id}`} data-enquire={i.id}>
                      {tx("询价/报价", "Enquire or offer")}
                    </Link>
                  </Space>
                  {i.description && <Typography.Paragraph ellipsis={{ rows: 2 }}>{i.description}</Typography.Paragraph>}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
