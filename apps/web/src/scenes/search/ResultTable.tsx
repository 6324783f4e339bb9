import type { SearchHit } from "@zhichan/shared";
import { Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Highlighted } from "../../components/Highlighted";
import { StatusTag, TypeTag } from "../../components/PatentTags";
import "./grouping.css";

interface Props {
  hits: SearchHit[];
  offset: number;
  loading: boolean;
}

/** One page of hits: highlighted title and snippet, applicants linked to their profiles. */
export function ResultTable({ hits, offset, loading }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<SearchHit> = [
    { title: t("search.col.index"), key: "index", width: 52, render: (_v, _h, i) => offset + i + 1 },
    {
      title: t("search.col.number"),
      key: "number",
      width: 150,
      render: (_v, h) => (
        <div className="hit-numbers">
          <div>{h.publicationNumber}</div>
          {h.applicationNumber && <div className="muted">{h.applicationNumber}</div>}
          {h.invention && h.invention.publicationCount > 1 && <InventionPublications hit={h} />}
        </div>
      ),
    },
    {
      title: t("search.col.title"),
      key: "title",
      render: (_v, h) => (
        <div className="hit-main">
          <Link to={`/patents/${h.id}`} className="hit-title" data-testid="hit-title">
            <Highlighted html={h.titleHighlight || h.title} />
          </Link>
          {h.snippet && <Highlighted className="hit-snippet" html={h.snippet} />}
        </div>
      ),
    },
    {
      title: t("search.col.applicants"),
      key: "applicants",
      width: 170,
      render: (_v, h) => (
        <div className="hit-applicants">
          {h.applicants.slice(0, 3).map((a) => (
            <Link key={a.id} to={`/applicants/${a.id}`}>
              {a.name}
            </Link>
          ))}
          {h.applicants.length > 3 && <span className="muted">+{h.applicants.length - 3}</span>}
        </div>
      ),
    },
    { title: t("search.col.date"), dataIndex: "applicationDate", key: "date", width: 100 },
    {
      title: `${t("search.col.type")} / ${t("search.col.status")}`,
      key: "type",
      width: 130,
      render: (_v, h) => (
        <div className="hit-tags">
          <TypeTag type={h.type} />
          <StatusTag status={h.status} />
        </div>
      ),
    },
    { title: t("search.col.ipc"), dataIndex: "ipcMain", key: "ipc", width: 100 },
  ];
  return (
    <Table<SearchHit>
      className="result-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={hits}
      loading={loading}
      pagination={false}
      scroll={{ x: 960 }}
    />
  );
}

/** A grouped hit's other publications (A with its B …), each linked to its record. */
export function InventionPublications({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const others = (hit.invention?.publications ?? []).filter((p) => p.id !== hit.id);
  return (
    <div className="hit-publications" data-testid="hit-publications">
      <span className="muted">{t("grouping.publications", { n: hit.invention?.publicationCount })}</span>
      {others.map((p) => (
        <Link key={p.id} to={`/patents/${p.id}`}>
          {p.publicationNumber}
        </Link>
      ))}
    </div>
  );
}
