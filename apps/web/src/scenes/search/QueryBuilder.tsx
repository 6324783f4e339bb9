import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Input, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type BuilderRow, buildQuery, emptyRow } from "./builderQuery";
import { QUERY_FIELDS } from "./queryFields";

const OPS = ["AND", "OR", "NOT"] as const;

/** Field builder rows: operator + field + value; writes a query string into the search box. */
export function QueryBuilder({ onWrite }: { onWrite: (query: string, run: boolean) => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<BuilderRow[]>([emptyRow("TI"), emptyRow("AB"), emptyRow("AP")]);

  const patch = (i: number, p: Partial<BuilderRow>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...p } : r)));
  const remove = (i: number) => setRows((rs) => (rs.length > 1 ? rs.filter((_, j) => j !== i) : rs));
  const write = (run: boolean) => {
    const q = buildQuery(rows);
    if (q) onWrite(q, run);
  };

  return (
    <fieldset className="query-builder">
      <legend>{t("builder.title")}</legend>
      {rows.map((row, i) => (
        <div className="qb-row" key={row.id} data-testid="qb-row">
          <Select
            aria-label={`${t("builder.rowLabel", { n: i + 1 })} ${t("builder.op")}`}
            className="qb-op"
            value={row.op}
            disabled={i === 0}
            options={OPS.map((o) => ({ value: o, label: o }))}
            onChange={(op) => patch(i, { op })}
          />
          <Select
            aria-label={`${t("builder.rowLabel", { n: i + 1 })} ${t("builder.field")}`}
            className="qb-field"
            value={row.field}
            options={QUERY_FIELDS.map((f) => ({ value: f, label: `${f} · ${t(`builder.fields.${f}`)}` }))}
            onChange={(field) => patch(i, { field })}
            popupMatchSelectWidth={false}
          />
          <Input
            aria-label={`${t("builder.rowLabel", { n: i + 1 })} ${t("builder.value")}`}
            className="qb-value"
            value={row.value}
            placeholder={t("builder.valuePlaceholder")}
            onChange={(e) => patch(i, { value: e.target.value })}
            onPressEnter={() => write(true)}
          />
          <Button
            aria-label={t("builder.remove")}
            icon={<DeleteOutlined />}
            onClick={() => remove(i)}
            disabled={rows.length === 1}
          />
        </div>
      ))}
      <Space wrap>
        <Button icon={<PlusOutlined />} onClick={() => setRows((rs) => [...rs, emptyRow("TX")])}>
          {t("builder.add")}
        </Button>
        <Button onClick={() => write(false)}>{t("builder.apply")}</Button>
        <Button type="primary" onClick={() => write(true)}>
          {t("builder.applySearch")}
        </Button>
      </Space>
    </fieldset>
  );
}
