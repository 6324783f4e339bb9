import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { MATRIX_LIMITS, type MatrixBranchInput, type MatrixEffectInput } from "@zhichan/shared";
import { Button, Card, Input, Select } from "antd";
import { useTranslation } from "react-i18next";

/** A list of rows the analyst edits; at most 12 (the server refuses a larger matrix). */
function RowList<T>({
  title,
  rows,
  onChange,
  blank,
  render,
  testId,
}: {
  title: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  blank: T;
  render: (row: T, set: (row: T) => void, i: number) => React.ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const full = rows.length >= MATRIX_LIMITS.maxSide;
  return (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      extra={t("matrix.countOf", { n: rows.length, max: MATRIX_LIMITS.maxSide })}
    >
      {rows.map((row, i) => (
        // rows have no identity of their own while being typed: their place is their key
        <div className="matrix-row" key={i}>
          {render(row, (r) => onChange(rows.map((x, k) => (k === i ? r : x))), i)}
          <Button
            aria-label={t("matrix.remove")}
            icon={<DeleteOutlined />}
            onClick={() => onChange(rows.filter((_, k) => k !== i))}
          />
        </div>
      ))}
      <Button icon={<PlusOutlined />} disabled={full} onClick={() => onChange([...rows, blank])}>
        {full ? t("matrix.full", { max: MATRIX_LIMITS.maxSide }) : t("matrix.add")}
      </Button>
    </Card>
  );
}

export function BranchEditor({
  rows,
  onChange,
}: {
  rows: MatrixBranchInput[];
  onChange: (rows: MatrixBranchInput[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <RowList
      title={t("matrix.branches")}
      testId="matrix-branches"
      rows={rows}
      onChange={onChange}
      blank={{ label: "", query: "" }}
      render={(b, set, i) => (
        <>
          <Input
            className="matrix-label"
            aria-label={t("matrix.branchLabel", { n: i + 1 })}
            placeholder={t("matrix.labelPlaceholder")}
            value={b.label}
            maxLength={MATRIX_LIMITS.maxLabelLength}
            onChange={(e) => set({ ...b, label: e.target.value })}
          />
          <Input
            className="matrix-query"
            aria-label={t("matrix.branchQuery", { n: i + 1 })}
            placeholder={t("matrix.queryPlaceholder")}
            value={b.query}
            maxLength={MATRIX_LIMITS.maxBranchQueryLength}
            onChange={(e) => set({ ...b, query: e.target.value })}
          />
        </>
      )}
    />
  );
}

export function EffectEditor({
  rows,
  onChange,
}: {
  rows: MatrixEffectInput[];
  onChange: (rows: MatrixEffectInput[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <RowList
      title={t("matrix.effects")}
      testId="matrix-effects"
      rows={rows}
      onChange={onChange}
      blank={{ label: "", terms: [] }}
      render={(e, set, i) => (
        <>
          <Input
            className="matrix-label"
            aria-label={t("matrix.effectLabel", { n: i + 1 })}
            placeholder={t("matrix.labelPlaceholder")}
            value={e.label}
            maxLength={MATRIX_LIMITS.maxLabelLength}
            onChange={(ev) => set({ ...e, label: ev.target.value })}
          />
          <Select
            className="matrix-query"
            mode="tags"
            aria-label={t("matrix.effectTerms", { n: i + 1 })}
            placeholder={t("matrix.termsPlaceholder")}
            value={e.terms}
            maxCount={MATRIX_LIMITS.maxTerms}
            tokenSeparators={[";", "；", ",", "，"]}
            onChange={(terms: string[]) => set({ ...e, terms })}
            open={false}
          />
        </>
      )}
    />
  );
}
