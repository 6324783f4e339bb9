import { type CountUnit, type MatrixResponse, techEffectChart } from "@zhichan/shared";
import { Table } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { EChart } from "../../charts/EChart";
import "../navigation/reportEcharts";

/** Where a cell's hits are listed: the search page with the cell's query, in the matrix's unit. */
export const hitsUrl = (query: string, unit: CountUnit) =>
  `/search?q=${encodeURIComponent(query)}${unit === "invention" ? "&group=invention" : ""}`;

/** The matrix as a heat map (a click opens the cell's hits) and as a table of links; white space marked. */
export function MatrixResult({ m, q }: { m: MatrixResponse; q: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const chart = useMemo(() => {
    const c = techEffectChart({
      branches: m.branches,
      effects: m.effects,
      cells: m.cells.map((row) => row.map((x) => x.count)),
      blanks: m.blanks,
      sampled: 0,
      reading: [],
    });
    // the tooltip says the cell in the UI's language (the report's option is written for the Chinese report)
    return {
      ...c,
      option: {
        ...c.option,
        tooltip: {
          formatter: (p: { value: [number, number, number] }) =>
            `${m.branches[p.value[1]].label} × ${m.effects[p.value[0]].label}: ${
              p.value[2] === 0 ? t("matrix.blank") : t("matrix.hits", { n: p.value[2] })
            }`,
        },
        series: (c.option.series as object[]).map((x) => ({ ...x, cursor: "pointer" })),
      },
    };
  }, [m, t]);
  const open = (data: unknown) => {
    const v = (data as { value?: [number, number, number] }).value;
    if (v) navigate(hitsUrl(m.cells[v[1]][v[0]].query, m.unit));
  };
  const rows = m.branches.map((b, i) => ({ key: i, b, cells: m.cells[i] }));
  return (
    <>
      <EChart
        option={chart.option}
        height={chart.height}
        label={t("matrix.chartLabel", { rows: m.branches.length, cols: m.effects.length, blanks: m.blanks })}
        testId="matrix-heatmap"
        onClick={open}
      />
      <Table
        size="small"
        className="matrix-table"
        pagination={false}
        scroll={{ x: "max-content" }}
        dataSource={rows}
        data-testid="matrix-table"
        columns={[
          {
            title: t("matrix.corner"),
            fixed: "left",
            render: (_, r) => (
              <span className="matrix-branch-name" data-content>
                {r.b.label}
              </span>
            ),
          },
          ...m.effects.map((e, k) => ({
            title: <span data-content>{e.label}</span>,
            align: "right" as const,
            render: (_: unknown, r: (typeof rows)[number]) => {
              const c = r.cells[k];
              return c.count === 0 ? (
                <span className="matrix-blank" title={t("matrix.blank")} data-testid="matrix-blank">
                  {t("matrix.blankMark")}
                </span>
              ) : (
                <Link to={hitsUrl(c.query, m.unit)} data-testid="matrix-cell">
                  {c.count}
                </Link>
              );
            },
          })),
          {
            title: t("matrix.total"),
            align: "right" as const,
            render: (_, r) => (
              <Link to={hitsUrl(q.trim() === "*" ? r.b.query : `(${q}) AND (${r.b.query})`, m.unit)}>{r.b.total}</Link>
            ),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t("matrix.total")}</Table.Summary.Cell>
            {m.effects.map((e, k) => (
              <Table.Summary.Cell key={e.label} index={k + 1} align="right">
                {e.total}
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={m.effects.length + 1} />
          </Table.Summary.Row>
        )}
      />
    </>
  );
}
