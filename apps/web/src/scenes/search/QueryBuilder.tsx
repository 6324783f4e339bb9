import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BuilderValue } from "./BuilderValue";
import { type BuilderOp, type BuilderRow, buildQuery, emptyRow, withField } from "./builderQuery";
import { QUERY_FIELDS, type QueryField } from "./queryFields";

const OPS: BuilderOp[] = ["AND", "OR", "NOT"];

/**
 * Field builder rows: operator, field picker, and a value editor that fits the field (text, date range, type or
 * status choices, the IPC tree); writes a query string into the search box, which stays editable.
 */
export function QueryBuilder({ onWrite }: { onWrite: (query: string, run: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const [rows, setRows] = useState<BuilderRow[]>(() => [emptyRow("TI"), emptyRow("AP"), emptyRow("AD")]);

  const patch = (id: number, p: Partial<BuilderRow>) =>
    setRows((rs) => rs.map((r) => (r.id === id ? { ...r, ...p } : r)));
  const setField = (id: number, field: QueryField) =>
    setRows((rs) => rs.map((r) => (r.id === id ? withField(r, field) : r)));
  const remove = (id: number) => setRows((rs) => (rs.length > 1 ? rs.filter((r) => r.id !== id) : rs));
  const write = (run: boolean) => {
    const q = buildQuery(rows, i18n.language);
    if (q) onWrite(q, run);
  };

  return (
    <fieldset className="query-builder" data-testid="query-builder">
      <legend>{t("builder.title")}</legend>
      <p className="qb-note">{t("searchUi.builderNote")}</p>
      {rows.map((row, i) => {
        const rowName = t("builder.rowLabel", { n: i + 1 });
        return (
          <div className="qb-row" key={row.id} data-testid="qb-row" data-field={row.field}>
            <Select
              aria-label={`${rowName} ${t("builder.op")}`}
              className="qb-op"
              value={row.op}
              disabled={i === 0}
              options={OPS.map((o) => ({ value: o, label: t(`searchUi.ops.${o}`) }))}
              onChange={(op) => patch(row.id, { op })}
            />
            <Select
              aria-label={`${rowName} ${t("builder.field")}`}
              className="qb-field"
              value={row.field}
              options={QUERY_FIELDS.map((f) => ({ value: f, label: t(`builder.fields.${f}`) }))}
              onChange={(field) => setField(row.id, field)}
              popupMatchSelectWidth={false}
              data-testid="qb-field"
            />
            <BuilderValue
              row={row}
              label={`${rowName} ${t("builder.value")}`}
              onChange={(p) => patch(row.id, p)}
              onEnter={() => write(true)}
            />
            <Button
              className="qb-remove"
              aria-label={t("searchUi.removeRow", { n: i + 1 })}
              title={t("builder.remove")}
              icon={<DeleteOutlined />}
              onClick={() => remove(row.id)}
              disabled={rows.length === 1}
            />
          </div>
        );
      })}
      <Space wrap>
        <Button icon={<PlusOutlined />} onClick={() => setRows((rs) => [...rs, emptyRow("TX")])}>
          {t("builder.add")}
        </Button>
        <Button onClick={() => write(false)} data-testid="qb-write">
          {t("builder.apply")}
        </Button>
        <Button type="primary" onClick={() => write(true)} data-testid="qb-search">
          {t("builder.applySearch")}
        </Button>
      </Space>
    </fieldset>
  );
}
