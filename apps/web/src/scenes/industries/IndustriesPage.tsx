import { PlusOutlined } from "@ant-design/icons";
import type { Industry } from "@zhichan/shared";
import { Button, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { getSession } from "../../api/accounts";
import { listIndustries } from "../../api/analytics";
import { ErrorView } from "../../components/ErrorView";
import { useAsync } from "../../components/useAsync";
import { IndustryForm } from "./IndustryForm";
import "../navigation/analytics.css";

export const growthText = (g: number | null | undefined) =>
  g === null || g === undefined ? "—" : `${g >= 0 ? "+" : ""}${(g * 100).toFixed(0)}%`;

/** 产业专题库: every industry definition with its live size, growth and top applicants. */
export function IndustriesPage() {
  const [tick, setTick] = useState(0);
  const list = useAsync((s) => listIndustries(s), [tick]);
  const session = useAsync((s) => getSession(s).catch(() => null), []);
  const canWrite = !!session.data?.user?.permissions.includes("industry:write");
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();

  if (list.error && !list.data) return <ErrorView error={list.error} />;
  return (
    <div className="page industries-page">
      <Space style={{ justifyContent: "space-between", width: "100%" }} align="baseline">
        <Typography.Title level={2}>
          产业专题库 <small className="bi-en">Industry thematic databases</small>
        </Typography.Title>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建专题库
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary">
        每个专题库是一条保存的定义（产业代码、IPC、关键词、排除项），编译为检索式，文献集随数据导入实时更新。内置的 40
        个战略性新兴产业定义的 IPC
        列表取自本平台数据中观测到的对应表，不是官方参照关系表。增长为最近三个完整年度与前三年相比。
      </Typography.Paragraph>
      <Table<Industry>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: "代码", dataIndex: "seiCode", width: 70, render: (v: string | null) => v ?? <Tag>自定义</Tag> },
          {
            title: "专题库",
            render: (_, i) => (
              <>
                <Link to={`/industries/${i.id}`}>{i.name}</Link>
                {i.majorName && <div className="muted">{i.majorName}</div>}
              </>
            ),
          },
          {
            title: "文献量",
            width: 90,
            align: "right",
            render: (_, i) => i.stats?.size ?? "—",
            sorter: (a, b) => (a.stats?.size ?? 0) - (b.stats?.size ?? 0),
          },
          {
            title: "近三年增长",
            width: 110,
            align: "right",
            render: (_, i) => growthText(i.stats?.growth),
            sorter: (a, b) => (a.stats?.growth ?? -9) - (b.stats?.growth ?? -9),
          },
          {
            title: "主要申请人",
            render: (_, i) =>
              i.stats?.topApplicants
                .slice(0, 3)
                .map((a) => `${a.name}（${a.count}）`)
                .join("；"),
          },
          {
            title: "",
            width: 100,
            render: (_, i) => (
              <Button size="small" onClick={() => navigate(`/navigation?industry=${i.id}`)}>
                导航报告
              </Button>
            ),
          },
        ]}
      />
      <IndustryForm
        open={creating}
        industry={null}
        onClose={() => setCreating(false)}
        onSaved={(i) => {
          setCreating(false);
          setTick((x) => x + 1);
          navigate(`/industries/${i.id}`);
        }}
      />
    </div>
  );
}
