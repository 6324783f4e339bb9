import { DatePicker, Input, Select } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { BuilderRow } from "./builderQuery";
import { IpcPicker } from "./IpcPicker";
import { fieldKind, STATUS_CODES, TYPE_CODES } from "./queryFields";

const DATE = "YYYY-MM-DD";

interface Props {
  row: BuilderRow;
  /** The accessible name: which row and that it is the value. */
  label: string;
  onChange: (patch: Partial<BuilderRow>) => void;
  onEnter: () => void;
}

/** The value editor a field needs: a date range, a choice of types or statuses, the IPC tree, or text. */
export function BuilderValue({ row, label, onChange, onEnter }: Props) {
  const { t } = useTranslation();
  const kind = fieldKind(row.field);

  if (kind === "date") {
    return (
      <DatePicker.RangePicker
        className="qb-value"
        aria-label={label}
        allowEmpty={[true, true]}
        format={DATE}
        placeholder={[t("searchUi.dateFrom"), t("searchUi.dateTo")]}
        value={[row.from ? dayjs(row.from) : null, row.to ? dayjs(row.to) : null]}
        onChange={(_d, [from, to]) => onChange({ from: from || null, to: to || null })}
        data-testid="qb-dates"
      />
    );
  }
  if (kind === "choice") {
    const codes = row.field === "TYPE" ? TYPE_CODES : STATUS_CODES;
    const group = row.field === "TYPE" ? "types" : "statuses";
    return (
      <Select
        className="qb-value"
        aria-label={label}
        mode="multiple"
        allowClear
        value={row.values}
        placeholder={t("searchUi.choose")}
        options={codes.map((c) => ({ value: c, label: t(`${group}.${c}`) }))}
        onChange={(values: string[]) => onChange({ values })}
        data-testid="qb-choice"
      />
    );
  }
  if (kind === "ipc") {
    return <IpcPicker value={row.values} onChange={(values) => onChange({ values })} ariaLabel={label} />;
  }
  const hint = t(`searchUi.hints.${row.field}`, { defaultValue: t("searchUi.hints.text") });
  return (
    <Input
      className="qb-value"
      aria-label={label}
      value={row.value}
      placeholder={hint}
      onChange={(e) => onChange({ value: e.target.value })}
      onPressEnter={onEnter}
      data-testid="qb-text"
    />
  );
}
